package io.github.s3bulkcopy.clients;

import java.util.List;

import io.github.s3bulkcopy.ProcessSettings;
import io.github.s3bulkcopy.copy.ArchivedObjects;
import io.github.s3bulkcopy.copy.BucketFeatures;
import io.github.s3bulkcopy.copy.ChunkCopier;
import io.github.s3bulkcopy.copy.CopyOptions;
import io.github.s3bulkcopy.copy.CopyTarget;
import io.github.s3bulkcopy.copy.CopyVerification;
import io.github.s3bulkcopy.copy.ObjectCopier;
import io.github.s3bulkcopy.copy.ObjectTransfer;
import io.github.s3bulkcopy.copy.RestoreOptions;
import io.github.s3bulkcopy.copy.ServerSideAccessCheck;
import io.github.s3bulkcopy.copy.ServerSideTransfer;
import io.github.s3bulkcopy.copy.StreamTransfer;
import io.github.s3bulkcopy.credentials.RoleRefresh;
import io.github.s3bulkcopy.jobfile.CopyMode;
import io.github.s3bulkcopy.jobfile.CopySpec;
import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.DestinationSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.metrics.RetryCounter;
import io.github.s3bulkcopy.metrics.S3RequestMetrics;
import io.github.s3bulkcopy.pacing.AdaptiveLimit;
import io.github.s3bulkcopy.pacing.AdaptiveSlots;
import io.github.s3bulkcopy.pacing.Pacing;
import io.github.s3bulkcopy.pacing.PacingMeters;
import io.github.s3bulkcopy.verify.FullReadVerifier;
import io.github.s3bulkcopy.verify.Verifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tier;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The S3 side of a job: clients per side, built from the job file, and the copier they
 * feed. Wiring only.
 * <p>
 * The copy's asynchronous clients, their HTTP clients and everything built on them are
 * lazy, and so are the beans of other configuration classes that hold them: the first
 * copy builds them, so a run whose plan finds nothing to copy (an incremental run with
 * nothing new) does not pay for the costliest beans of its context. The blocking clients,
 * which list and check the buckets before any copy, come from the same factory and
 * settings, so what would keep a client from being built still shows there first.
 */
@Configuration(proxyBeanMethods = false)
public class S3Configuration {

	/**
	 * Parts of one streamed object in flight at once (rclone's default upload concurrency
	 * is 4 too).
	 */
	static final int STREAM_PARTS_IN_FLIGHT = 4;

	/**
	 * Parts of one server-side multipart copy in flight at once: a quarter of
	 * {@code copy.concurrency} (of {@link #AUTO_PARTS_BASIS} with {@code auto}), at least
	 * 4. The bytes do not pass through here, so a lone large object may use many
	 * connections; but bounded, so that many large objects do not queue all their parts
	 * behind the connections at once.
	 */
	static int copyPartsInFlight(CopySpec copy) {
		int basis = copy.concurrency().auto() ? Math.min(AUTO_PARTS_BASIS, copy.concurrencyCeiling())
				: copy.concurrencyCeiling();
		return Math.max(STREAM_PARTS_IN_FLIGHT, basis / 4);
	}

	/**
	 * What {@code copy.concurrency: auto} counts as for the parts of one multipart copy:
	 * the fixed default it replaces.
	 */
	static final int AUTO_PARTS_BASIS = 64;

	@Bean
	HttpClientSettings httpClientSettings(JobSpec spec, ProcessSettings settings) {
		return HttpClientSettings.of(settings.httpClient(), settings.idleTimeout(),
				CopyMode.resolve(spec) == CopyMode.STREAM);
	}

	/**
	 * Every client of the job: each bucket's requester pays and expected owner on every
	 * request to it, every request paced ({@link Pacing}).
	 */
	@Bean(destroyMethod = "close")
	S3ClientFactory s3ClientFactory(JobSpec spec, S3RequestMetrics s3RequestMetrics, Pacing pacing,
			HttpClientSettings http, ProcessSettings settings) {
		ProcessSettings.Credentials credentials = settings.credentials();
		return new S3ClientFactory(new RoleRefresh(credentials.staleTime(), credentials.prefetchTime()),
				List.of(s3RequestMetrics, BucketTermsInterceptor.of(spec), pacing), http.blocking(),
				http.idleTimeout());
	}

	/**
	 * The slots for objects in flight, shared by every partition of the process:
	 * {@code copy.concurrency} of them, fewer while S3 throttles; with {@code auto}, as
	 * many as the store's answers allow between {@code copy.min-concurrency} and
	 * {@code copy.max-concurrency}.
	 */
	@Bean
	AdaptiveSlots adaptiveSlots(JobSpec spec) {
		return new AdaptiveSlots(limit(spec.copy()));
	}

	/** The limit on objects in flight that {@code copy} asks for. */
	public static AdaptiveLimit limit(CopySpec copy) {
		return copy.concurrency().auto() ? AdaptiveLimit.auto(copy.concurrencyFloor(), copy.concurrencyCeiling())
				: new AdaptiveLimit(copy.concurrencyCeiling());
	}

	@Bean
	PacingMeters pacingMeters(AdaptiveSlots adaptiveSlots) {
		return new PacingMeters(adaptiveSlots.limit());
	}

	/**
	 * {@code copy.max-requests-per-second}, {@code copy.max-bytes-per-second} and the
	 * back-off on throttling.
	 */
	@Bean
	Pacing pacing(JobSpec spec, AdaptiveSlots adaptiveSlots, RetryCounter retryCounter) {
		CopySpec copy = spec.copy();
		Pacing pacing = new Pacing(copy.maxRequestsPerSecond(),
				(copy.maxBytesPerSecond() != null) ? copy.maxBytesPerSecond().bytes() : null, adaptiveSlots);
		// Throttling answered with a 400 shows only in its error code, and an attempt
		// that
		// got no answer only in its retry.
		retryCounter.onRetry((code) -> pacing.retriedAfter(code, S3RequestMetrics.NO_RESPONSE));
		return pacing;
	}

	/** The destination's connections; a streamed object holds one per part in flight. */
	@Bean(destroyMethod = "close")
	@Lazy
	SdkAsyncHttpClient s3HttpClient(JobSpec spec, HttpClientSettings http) {
		return S3ClientFactory.httpClient(connections(spec), http.copies(), http.idleTimeout());
	}

	/**
	 * The source's connections, apart from the destination's: a streamed copy holds a GET
	 * open while its PUT waits for a connection, and one shared pool could fill with GETs
	 * and leave no PUT a connection.
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	SdkAsyncHttpClient sourceHttpClient(JobSpec spec, HttpClientSettings http) {
		return S3ClientFactory.httpClient(connections(spec), http.copies(), http.idleTimeout());
	}

	@Bean(destroyMethod = "close")
	@Lazy
	S3AsyncClient sourceS3(S3ClientFactory factory, JobSpec spec,
			@Qualifier("sourceHttpClient") SdkAsyncHttpClient sourceHttpClient) {
		return factory.asyncClient(spec.source(), sourceHttpClient, spec.copy().maxAttempts());
	}

	@Bean(destroyMethod = "close")
	@Lazy
	S3AsyncClient destinationS3(S3ClientFactory factory, JobSpec spec,
			@Qualifier("s3HttpClient") SdkAsyncHttpClient s3HttpClient) {
		return factory.asyncClient(spec.destination(), s3HttpClient, spec.copy().maxAttempts());
	}

	/**
	 * The blocking client manifests are read with (S3 manifests and listings live on the
	 * source side).
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	S3Client manifestS3(S3ClientFactory factory, JobSpec spec) {
		return factory.syncClient(spec.source(), spec.copy().maxAttempts());
	}

	/**
	 * The clients of a streamed job's small objects: with {@code http-client: auto},
	 * CRT-based ones of their own (20,000 objects of 4 KiB streamed at 1,251 objects/s
	 * through the CRT client against 986 through Netty, for a third less CPU), while
	 * large objects stay on Netty, which streams them faster in less memory. Each small
	 * object holds one connection per side at a time, so each side gets
	 * {@code copy.concurrency} connections (with {@code auto},
	 * {@code copy.max-concurrency}).
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	SmallObjectClients smallObjectClients(S3ClientFactory factory, JobSpec spec, HttpClientSettings http,
			@Qualifier("sourceS3") S3AsyncClient sourceS3, @Qualifier("destinationS3") S3AsyncClient destinationS3) {
		if (CopyMode.resolve(spec) != CopyMode.STREAM || http.smallObjects() == http.copies()) {
			return SmallObjectClients.shared(sourceS3, destinationS3);
		}
		int attempts = spec.copy().maxAttempts();
		int concurrency = spec.copy().concurrencyCeiling();
		HttpEngine small = http.smallObjects();
		SdkAsyncHttpClient sourceHttp = S3ClientFactory.httpClient(concurrency, small, http.idleTimeout());
		SdkAsyncHttpClient destinationHttp = S3ClientFactory.httpClient(concurrency, small, http.idleTimeout());
		return SmallObjectClients.own(factory.asyncClient(spec.source(), sourceHttp, attempts),
				factory.asyncClient(spec.destination(), destinationHttp, attempts), sourceHttp, destinationHttp);
	}

	/**
	 * A blocking destination client, for housekeeping such as aborting leftover multipart
	 * uploads.
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	S3Client destinationSyncS3(S3ClientFactory factory, JobSpec spec) {
		return factory.syncClient(spec.destination(), spec.copy().maxAttempts());
	}

	/**
	 * Server-side or streamed, as {@code copy.mode} resolves
	 * ({@link CopyMode#resolve(JobSpec)}).
	 */
	@Bean
	@Lazy
	ObjectTransfer objectTransfer(JobSpec spec, @Qualifier("sourceS3") S3AsyncClient sourceS3,
			@Qualifier("destinationS3") S3AsyncClient destinationS3, SmallObjectClients smallObjectClients) {
		DestinationSpec destination = spec.destination();
		CopyTarget target = new CopyTarget(destination.bucket(), destination.storageClass(), destination.sseKmsKeyId(),
				destination.acl());
		CopySpec copy = spec.copy();
		if (CopyMode.resolve(spec) == CopyMode.STREAM) {
			return new StreamTransfer(sourceS3, destinationS3, smallObjectClients.source(),
					smallObjectClients.destination(), target, copy.multipartThreshold().bytes(),
					copy.partSize().bytes(), STREAM_PARTS_IN_FLIGHT, spec.source().endpoint() == null);
		}
		ObjectTransfer serverSide = new ServerSideTransfer(destinationS3, target, copy.multipartThreshold().bytes(),
				copy.partSize().bytes(), copyPartsInFlight(copy), connections(spec), spec.source().endpoint() == null,
				copy.maxBytesPerSecond() != null);
		return CopyMode.sameIdentity(spec.source(), spec.destination()) ? serverSide
				: new ServerSideAccessCheck(serverSide, destinationS3);
	}

	private static int connections(JobSpec spec) {
		int perObject = (CopyMode.resolve(spec) == CopyMode.STREAM) ? STREAM_PARTS_IN_FLIGHT : 1;
		return spec.copy().concurrencyCeiling() * perObject;
	}

	@Bean
	@Lazy
	CopyVerification copyVerification(JobSpec spec, Verifier verifier, FullReadVerifier fullReadVerifier,
			@Qualifier("sourceS3") S3AsyncClient sourceS3, @Qualifier("destinationS3") S3AsyncClient destinationS3) {
		return new CopyVerification(verifier, fullReadVerifier, sourceS3, destinationS3, spec.destination().bucket());
	}

	/**
	 * Whether the source bucket has a website configuration and the destination bucket
	 * Object Lock, looked up by the first copy (so a dry run asks nothing).
	 */
	@Bean
	@Lazy
	BucketFeatures bucketFeatures(JobSpec spec, @Qualifier("sourceS3") S3AsyncClient sourceS3,
			@Qualifier("destinationS3") S3AsyncClient destinationS3) {
		return new BucketFeatures(sourceS3, spec.source().bucket(), destinationS3, spec.destination().bucket());
	}

	@Bean
	@Lazy
	ObjectCopier objectCopier(JobSpec spec, @Qualifier("sourceS3") S3AsyncClient sourceS3,
			@Qualifier("destinationS3") S3AsyncClient destinationS3, ObjectTransfer objectTransfer,
			CopyVerification copyVerification, BucketFeatures bucketFeatures) {
		CopyOptions options = new CopyOptions(spec.copy().multipartThreshold().bytes(),
				spec.copy().skipExistingOr(false), spec.copy().versions() == CopyVersions.ALL);
		return new ObjectCopier(sourceS3, destinationS3, spec.destination().bucket(), objectTransfer, copyVerification,
				options, bucketFeatures, new ArchivedObjects(sourceS3, restoreOptions(spec.copy())));
	}

	private static @Nullable RestoreOptions restoreOptions(CopySpec copy) {
		if (copy.restore() == null) {
			return null;
		}
		Tier tier = switch (copy.restore().tier()) {
			case BULK -> Tier.BULK;
			case STANDARD -> Tier.STANDARD;
			case EXPEDITED -> Tier.EXPEDITED;
		};
		return new RestoreOptions(copy.restore().days(), tier);
	}

	@Bean
	@Lazy
	ChunkCopier chunkCopier(ObjectCopier objectCopier, AdaptiveSlots adaptiveSlots) {
		return new ChunkCopier(objectCopier, adaptiveSlots);
	}

}
