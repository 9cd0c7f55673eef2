package io.github.s3bulkcopy.copy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.util.Assert;

/**
 * What the copies of a run need to know about the two buckets, looked up once per process
 * on the first copy: whether the source bucket has a website configuration
 * (GetBucketWebsite: only then can its objects' website redirect locations matter, and
 * copies that would otherwise make no HEAD make one to read them) and whether the
 * destination bucket has Object Lock enabled (GetObjectLockConfiguration: only then are
 * the source's retention and legal hold sent). A lookup that fails for a run-level reason
 * (throttling, the network) is tried again by the next copy, and an answer older than
 * {@link #MAX_AGE} is asked again, so a process that runs many runs ({@code schedule})
 * sees a configuration changed between them.
 */
public final class BucketFeatures {

	private static final Logger logger = LoggerFactory.getLogger(BucketFeatures.class);

	/** How long an answer is used before the next copy asks again. */
	static final Duration MAX_AGE = Duration.ofMinutes(15);

	/** What is known about one feature of a bucket. */
	public enum State {

		/** The bucket has it. */
		YES,

		/** The bucket does not have it, or its server does not implement it. */
		NO,

		/** The bucket's configuration could not be read (access denied). */
		UNKNOWN

	}

	/**
	 * The answers.
	 *
	 * @param sourceWebsite whether the source bucket has a website configuration
	 * @param destinationObjectLock whether the destination bucket has Object Lock enabled
	 */
	public record Features(State sourceWebsite, State destinationObjectLock) {

		/**
		 * Nothing looked up: website redirects are not looked up, no Object Lock is sent.
		 */
		public static final Features NONE = new Features(State.NO, State.NO);

	}

	private final @Nullable S3AsyncClient sourceClient;

	private final @Nullable String sourceBucket;

	private final @Nullable S3AsyncClient destinationClient;

	private final @Nullable String destinationBucket;

	private final AtomicReference<@Nullable Lookup> features = new AtomicReference<>();

	/**
	 * A lookup and when it started ({@link System#nanoTime()}); never-ending for
	 * {@link #none()}.
	 */
	private record Lookup(CompletableFuture<Features> answer, long startedNanos, boolean expires) {

		boolean usable() {
			return !this.answer.isCompletedExceptionally()
					&& (!this.expires || System.nanoTime() - this.startedNanos < MAX_AGE.toNanos());
		}

	}

	/**
	 * @param sourceClient reads the source bucket's website configuration
	 * @param sourceBucket the source bucket
	 * @param destinationClient reads the destination bucket's Object Lock configuration
	 * @param destinationBucket the destination bucket
	 */
	public BucketFeatures(S3AsyncClient sourceClient, String sourceBucket, S3AsyncClient destinationClient,
			String destinationBucket) {
		Assert.notNull(sourceClient, "sourceClient is required");
		Assert.hasText(sourceBucket, "sourceBucket is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.hasText(destinationBucket, "destinationBucket is required");
		this.sourceClient = sourceClient;
		this.sourceBucket = sourceBucket;
		this.destinationClient = destinationClient;
		this.destinationBucket = destinationBucket;
	}

	private BucketFeatures() {
		this.sourceClient = null;
		this.sourceBucket = null;
		this.destinationClient = null;
		this.destinationBucket = null;
		this.features.set(new Lookup(CompletableFuture.completedFuture(Features.NONE), 0, false));
	}

	/** Features that look nothing up ({@link Features#NONE}). */
	public static BucketFeatures none() {
		return new BucketFeatures();
	}

	/**
	 * The features, looked up on the first call; later calls share the answer while it is
	 * fresh.
	 */
	public CompletableFuture<Features> get() {
		Lookup known = this.features.get();
		if (known != null && known.usable()) {
			return known.answer();
		}
		CompletableFuture<Features> lookup = new CompletableFuture<>();
		if (!this.features.compareAndSet(known, new Lookup(lookup, System.nanoTime(), true))) {
			return get();
		}
		website().thenCombine(objectLock(), Features::new).whenComplete((answer, error) -> {
			if (error != null) {
				lookup.completeExceptionally(error);
			}
			else {
				logger.info("Source bucket website configuration: {}; destination bucket Object Lock: {}",
						answer.sourceWebsite(), answer.destinationObjectLock());
				lookup.complete(answer);
			}
		});
		return lookup;
	}

	private CompletableFuture<State> website() {
		return this.sourceClient.getBucketWebsite((get) -> get.bucket(this.sourceBucket))
			.handle((response, error) -> (error == null) ? CompletableFuture.completedFuture(website(response))
					: answer(error, "NoSuchWebsiteConfiguration", "GetBucketWebsite", "whether the source bucket has "
							+ "a website configuration is not known (grant s3:GetBucketWebsite); every object's "
							+ "website redirect location is read with a HEAD"))
			.thenCompose((state) -> state);
	}

	/**
	 * A configuration serves a website with an index document or a redirect of all
	 * requests, one of which S3 requires; an answer with neither (a server that does not
	 * implement websites answering something else) is none.
	 */
	private static State website(GetBucketWebsiteResponse response) {
		return (response.indexDocument() != null || response.redirectAllRequestsTo() != null) ? State.YES : State.NO;
	}

	private CompletableFuture<State> objectLock() {
		return this.destinationClient.getObjectLockConfiguration((get) -> get.bucket(this.destinationBucket))
			.handle((response, error) -> (error == null) ? CompletableFuture.completedFuture(objectLock(response))
					: answer(error, "ObjectLockConfigurationNotFoundError", "GetObjectLockConfiguration",
							"whether the destination bucket has Object Lock is not known (grant "
									+ "s3:GetBucketObjectLockConfiguration); no retention or legal hold is sent"))
			.thenCompose((state) -> state);
	}

	private static State objectLock(GetObjectLockConfigurationResponse response) {
		return (response.objectLockConfiguration() != null
				&& response.objectLockConfiguration().objectLockEnabled() == ObjectLockEnabled.ENABLED) ? State.YES
						: State.NO;
	}

	/**
	 * A lookup's failure as an answer: the configuration's absence (404, or 400
	 * InvalidRequest as some servers say it), a server that does not implement it (501)
	 * or an access denied (403, UNKNOWN, logged); anything else is the run's problem and
	 * fails the copy that asked.
	 */
	private static CompletableFuture<State> answer(Throwable error, String absentCode, String operation,
			String deniedMeans) {
		Throwable cause = S3Failure.unwrap(error);
		if (cause instanceof S3Exception s3) {
			int status = s3.statusCode();
			String code = (s3.awsErrorDetails() != null) ? s3.awsErrorDetails().errorCode() : null;
			if (status == 404 || status == 501 || absentCode.equals(code)
					|| (status == 400 && "InvalidRequest".equals(code)) || status == 405) {
				return CompletableFuture.completedFuture(State.NO);
			}
			if (status == 403) {
				logger.warn("{} was refused ({}): {}", operation, code, deniedMeans);
				return CompletableFuture.completedFuture(State.UNKNOWN);
			}
		}
		return CompletableFuture.failedFuture(error);
	}

}
