package io.github.s3bulkcopy.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.s3bulkcopy.batch.VerificationConfiguration;
import io.github.s3bulkcopy.copy.ExtraDeleter;
import io.github.s3bulkcopy.copy.MultipartUploads;
import io.github.s3bulkcopy.jobfile.CopyMode;
import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.VerificationPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a run of a job will cost, estimated from its plan: the requests by
 * {@link RequestKind} the copy makes for each planned object (by its size against
 * {@code copy.multipart-threshold} and {@code part-size}, the copy mode,
 * {@code skip-existing} and the verification policy, as the copy package decides them),
 * the requests the plan step itself makes (measured while the dry run made them), and the
 * bytes that leave S3 through this host, move between regions, or are retrieved from a
 * storage class that charges for it; priced by a {@link PriceTable}.
 * <p>
 * It is an upper bound where the plan cannot know: every object is counted as copied
 * (skip-existing may skip some), a tag read is counted for every copy that carries tags
 * itself when the source does not report tag counts (a server that answers 501 to tagging
 * is asked once; AWS S3 reports counts, so only tagged objects cost one, which the plan
 * does not know and counts none), and retries are not counted.
 *
 * @param requests requests by kind
 * @param outToInternetBytes bytes read from S3 by this host, when it runs outside AWS
 * @param interRegionBytes bytes moved between AWS regions
 * @param retrievalBytes bytes read of each storage class that charges for retrieval
 * @param usd the price of each line, by its label: the request kinds', then
 * {@code transfer out}, {@code inter-region}, {@code retrieval <class>}
 * @param total the sum of {@code usd}
 * @param prices where the prices came from
 * @param notes what the estimate assumed
 */
public record CostEstimate(Map<RequestKind, Long> requests, long outToInternetBytes, long interRegionBytes,
		Map<String, Long> retrievalBytes, Map<String, BigDecimal> usd, BigDecimal total, String prices,
		List<String> notes) {

	private static final BigDecimal GB = BigDecimal.valueOf(1_000_000_000L);

	/**
	 * Adds up the requests and bytes of a plan, object by object.
	 */
	public static final class Estimator {

		private final JobSpec spec;

		private final boolean serverSide;

		private final boolean tagCountReported;

		private final long threshold;

		private final long partSize;

		private final VerificationPolicy policy;

		private final @Nullable String hostRegion;

		private final long[] requests = new long[RequestKind.values().length];

		private long throughHost;

		private long interRegion;

		private final Map<String, Long> retrieval = new TreeMap<>();

		/**
		 * @param spec the job
		 * @param hostRegion the AWS region this tool runs in, or null when it runs
		 * outside AWS
		 */
		public Estimator(JobSpec spec, @Nullable String hostRegion) {
			Assert.notNull(spec, "spec is required");
			this.spec = spec;
			this.serverSide = CopyMode.resolve(spec) == CopyMode.SERVER_SIDE;
			// As the copy's clients decide it (S3Configuration): AWS S3 reports tag
			// counts, other servers may not.
			this.tagCountReported = spec.source().endpoint() == null;
			this.threshold = spec.copy().multipartThreshold().bytes();
			this.partSize = spec.copy().partSize().bytes();
			this.policy = VerificationConfiguration.policy(spec.verify());
			this.hostRegion = hostRegion;
		}

		/** Counts the requests the plan step made (measured), by S3 operation. */
		public void planStep(Map<String, Long> byOperation) {
			byOperation.forEach((operation, count) -> this.requests[RequestKind.of(operation).ordinal()] += count);
		}

		/**
		 * Counts the requests a run makes once whatever its size: a HeadBucket of each
		 * side, then, with its first copy, the source's website configuration and the
		 * destination's Object Lock configuration (BucketFeatures).
		 */
		public void perRun() {
			add(RequestKind.OTHER, 4);
		}

		/**
		 * Counts the requests and bytes of one planned object's copy and verification.
		 */
		public void add(PlannedObject object) {
			if (object.destinationKey().isEmpty()) {
				return;
			}
			if (object.deleteMarker()) {
				// DeleteMarkerReplay: the delete, then a listing of the key's versions
				// that proves it.
				add(RequestKind.DELETE, 1);
				add(RequestKind.LIST, 1);
				return;
			}
			long size = (object.size() != null) ? object.size() : 0;
			boolean multipart = object.size() == null || size > this.threshold;
			// ObjectCopier: a HEAD of the source when the manifest lacks what the copy
			// needs.
			boolean head = object.size() == null || size > this.threshold || this.spec.copy().skipExistingOr(false)
					|| (this.serverSide && object.storageClass() == null
							&& this.spec.destination().storageClass() == null);
			if (head) {
				add(RequestKind.HEAD, 1);
			}
			if (this.spec.copy().skipExistingOr(false)
					&& !(this.spec.copy().versions() == CopyVersions.ALL && object.destinationVersionId() == null)) {
				add(RequestKind.HEAD, 1);
			}
			long parts = multipart ? parts(size) : 0;
			if (this.serverSide) {
				if (multipart) {
					add(RequestKind.MULTIPART, 2);
					add(RequestKind.UPLOAD_PART_COPY, parts);
					tags();
				}
				else {
					add(RequestKind.PUT_COPY, 1);
				}
				if (!this.spec.source().region().equals(this.spec.destination().region())) {
					this.interRegion += size;
				}
			}
			else {
				tags();
				if (multipart) {
					add(RequestKind.MULTIPART, 2);
					add(RequestKind.GET, parts);
					add(RequestKind.PUT_COPY, parts);
				}
				else {
					add(RequestKind.GET, 1);
					add(RequestKind.PUT_COPY, 1);
				}
				throughHost(size);
			}
			long reads = 1;
			// CopyVerification: the source's stored checksum is read after the copy when
			// no HEAD was made and the
			// ETags cannot decide (a multipart or SSE-KMS source).
			if (this.policy.checksum() && !head && (object.etag() == null || object.etag().contains("-")
					|| "SSE-KMS".equalsIgnoreCase(object.encryptionStatus()))) {
				add(RequestKind.HEAD, 1);
			}
			if (this.policy.fullRead() == VerificationPolicy.FullRead.ALWAYS) {
				add(RequestKind.GET, 2);
				throughHost(2 * size);
				reads++;
			}
			String storageClass = object.storageClass();
			if (storageClass != null && List.of("STANDARD_IA", "ONEZONE_IA", "GLACIER_IR").contains(storageClass)) {
				this.retrieval.merge(storageClass, reads * size, Long::sum);
			}
		}

		/**
		 * Counts a mirror's deletions ({@code copy.delete-extraneous}): one DeleteObjects
		 * request per {@link ExtraDeleter#MAX_KEYS} extras.
		 */
		public void deletions(long extras) {
			add(RequestKind.DELETE, (extras + ExtraDeleter.MAX_KEYS - 1) / ExtraDeleter.MAX_KEYS);
		}

		private void tags() {
			if (!this.tagCountReported) {
				add(RequestKind.TAGGING, 1);
			}
		}

		private long parts(long size) {
			long part = MultipartUploads.partSize(size, this.partSize);
			return Math.max(1, (size + part - 1) / part);
		}

		/**
		 * Bytes through this host: out to the internet outside AWS, between regions where
		 * a side is elsewhere.
		 */
		private void throughHost(long bytes) {
			if (this.hostRegion == null) {
				this.throughHost += bytes;
				return;
			}
			if (!this.hostRegion.equals(this.spec.source().region())) {
				this.interRegion += bytes;
			}
		}

		private void add(RequestKind kind, long count) {
			this.requests[kind.ordinal()] += count;
		}

		/** The estimate so far, priced. */
		public CostEstimate estimate(PriceTable prices) {
			Map<RequestKind, Long> counts = new EnumMap<>(RequestKind.class);
			Map<String, BigDecimal> usd = new LinkedHashMap<>();
			BigDecimal total = BigDecimal.ZERO;
			for (RequestKind kind : RequestKind.values()) {
				counts.put(kind, this.requests[kind.ordinal()]);
				BigDecimal price = prices.requests(kind, this.requests[kind.ordinal()]);
				usd.put(kind.label(), price);
				total = total.add(price);
			}
			BigDecimal out = perGb(this.throughHost, prices.outToInternetPerGb());
			usd.put("transfer out", out);
			BigDecimal between = perGb(this.interRegion, prices.interRegionPerGb());
			usd.put("inter-region", between);
			total = total.add(out).add(between);
			for (Map.Entry<String, Long> entry : this.retrieval.entrySet()) {
				BigDecimal price = perGb(entry.getValue(), prices.retrievalPerGb().get(entry.getKey()));
				usd.put("retrieval " + entry.getKey(), price);
				total = total.add(price);
			}
			List<String> notes = new ArrayList<>();
			notes.add((this.hostRegion == null) ? "this host runs outside AWS (--host-region says otherwise)"
					: "this host runs in AWS region " + this.hostRegion);
			if (this.spec.copy().skipExistingOr(false)) {
				notes.add("every object copied (skip-existing skips unchanged ones, which then cost only their HEADs)");
			}
			if (this.tagCountReported) {
				notes.add(
						"no tagged objects (each tagged object a multipart or streamed copy carries costs a tag read)");
			}
			if (this.serverSide) {
				notes.add("the source bucket has no website configuration and the destination no Object Lock, both "
						+ "readable (else every server-side copy costs a HEAD of the source)");
			}
			notes.add("no retries");
			return new CostEstimate(counts, this.throughHost, this.interRegion, Map.copyOf(this.retrieval), usd, total,
					prices.source(), notes);
		}

		private static BigDecimal perGb(long bytes, BigDecimal price) {
			return BigDecimal.valueOf(bytes).multiply(price).divide(GB, 10, RoundingMode.HALF_UP);
		}

	}

	/**
	 * The total in USD as printed: cents, or four decimals under a cent ({@code <$0.0001}
	 * below that).
	 */
	public String totalText() {
		return usdText(this.total);
	}

	/** An amount in USD as printed. */
	public static String usdText(BigDecimal amount) {
		if (amount.signum() > 0 && amount.compareTo(BigDecimal.valueOf(1, 4)) < 0) {
			return "<$0.0001";
		}
		BigDecimal rounded = (amount.compareTo(BigDecimal.valueOf(1, 2)) < 0 && amount.signum() > 0)
				? amount.setScale(4, RoundingMode.HALF_UP) : amount.setScale(2, RoundingMode.HALF_UP);
		return "$" + rounded.toPlainString();
	}

}
