package io.github.s3bulkcopy.clients;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Puts each bucket's {@link BucketTerms} on every request to it, whichever client sends
 * it: the request-payer and the expected bucket owner, and on a copy (CopyObject,
 * UploadPartCopy) the source bucket's expected owner as
 * {@code x-amz-source-expected-bucket-owner}, and the request-payer when either bucket is
 * requester pays (one request reads one and writes the other).
 * <p>
 * It sets the request's own fields ({@code RequestPayer}, {@code ExpectedBucketOwner},
 * {@code ExpectedSourceBucketOwner}) before the SDK marshals and signs the request, so
 * the headers are signed like any other, and only on operations that have them
 * (HeadBucket has no request-payer, for instance). A field a caller set itself is left as
 * it is.
 */
public final class BucketTermsInterceptor implements ExecutionInterceptor {

	private static final String REQUESTER = "requester";

	/**
	 * The fields of each request type by member name (the SDK's own map is keyed by
	 * header name).
	 */
	private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new ConcurrentHashMap<>();

	private final Map<String, BucketTerms> byBucket;

	/**
	 * @param byBucket the terms of each bucket; buckets not named get nothing
	 */
	public BucketTermsInterceptor(Map<String, BucketTerms> byBucket) {
		this.byBucket = Map.copyOf(byBucket);
	}

	/**
	 * The terms of a job's buckets: {@code source.requester-pays} and
	 * {@code source.expected-owner} for the source bucket, the destination's for the
	 * destination bucket, and {@code manifest.requester-pays} for the bucket of an
	 * {@code s3://} manifest (by default the source's setting when the manifest is in the
	 * source bucket, else false). A bucket named more than once (source and destination
	 * in one bucket) is requester pays when any of them says so.
	 */
	public static BucketTermsInterceptor of(JobSpec job) {
		Map<String, BucketTerms> byBucket = new HashMap<>();
		SourceSpec source = job.source();
		add(byBucket, source.bucket(), new BucketTerms(source.requesterPays(), source.expectedOwner()));
		add(byBucket, job.destination().bucket(),
				new BucketTerms(job.destination().requesterPays(), job.destination().expectedOwner()));
		String manifestBucket = job.manifest().s3Bucket();
		if (manifestBucket != null) {
			add(byBucket, manifestBucket, new BucketTerms(job.manifest().requesterPays(source), null));
		}
		byBucket.values().removeIf(BucketTerms::isNone);
		return new BucketTermsInterceptor(byBucket);
	}

	private static void add(Map<String, BucketTerms> byBucket, String bucket, BucketTerms terms) {
		byBucket.merge(bucket, terms, BucketTerms::and);
	}

	/**
	 * The terms of a bucket ({@link BucketTerms#NONE} for one this job does not name).
	 */
	public BucketTerms terms(@Nullable String bucket) {
		return (bucket != null) ? this.byBucket.getOrDefault(bucket, BucketTerms.NONE) : BucketTerms.NONE;
	}

	@Override
	public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
		SdkRequest request = context.request();
		if (this.byBucket.isEmpty()) {
			return request;
		}
		Map<String, SdkField<?>> fields = FIELDS.computeIfAbsent(request.getClass(), (type) -> byMemberName(request));
		// CopyObject and UploadPartCopy name the bucket they write DestinationBucket;
		// every other request, Bucket.
		BucketTerms target = terms(
				value(request, fields.containsKey("DestinationBucket") ? "DestinationBucket" : "Bucket"));
		BucketTerms source = terms(sourceBucket(request));
		if (target.isNone() && source.isNone()) {
			return request;
		}
		SdkRequest.Builder builder = request.toBuilder();
		if (target.requesterPays() || source.requesterPays()) {
			set(request, fields, builder, "RequestPayer", REQUESTER);
		}
		set(request, fields, builder, "ExpectedBucketOwner", target.expectedOwner());
		set(request, fields, builder, "ExpectedSourceBucketOwner", source.expectedOwner());
		return builder.build();
	}

	/**
	 * The bucket a copy reads: its SourceBucket, or, once the SDK's own interceptor has
	 * turned that into the {@code x-amz-copy-source} value
	 * ({@code bucket/key?versionId=...}), the part of that before the first slash.
	 */
	private static @Nullable String sourceBucket(SdkRequest request) {
		String bucket = value(request, "SourceBucket");
		String copySource = value(request, "CopySource");
		if (bucket != null || copySource == null) {
			return bucket;
		}
		String path = copySource.startsWith("/") ? copySource.substring(1) : copySource;
		int slash = path.indexOf('/');
		return (slash > 0) ? path.substring(0, slash) : null;
	}

	private static Map<String, SdkField<?>> byMemberName(SdkRequest request) {
		Map<String, SdkField<?>> fields = new HashMap<>();
		request.sdkFields().forEach((field) -> fields.put(field.memberName(), field));
		return Map.copyOf(fields);
	}

	private static @Nullable String value(SdkRequest request, String field) {
		return request.getValueForField(field, String.class).orElse(null);
	}

	private static void set(SdkRequest request, Map<String, SdkField<?>> fields, SdkRequest.Builder builder,
			String name, @Nullable String value) {
		SdkField<?> field = fields.get(name);
		if (value != null && field != null && value(request, name) == null) {
			field.set(builder, value);
		}
	}

}
