package io.github.s3bulkcopy.copy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.EtagVerifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

import org.springframework.util.Assert;

/**
 * Finds the copies of a key's versions that reached a versioned destination in an attempt
 * of the run that was cut short before it recorded them, so that a resume records them
 * instead of copying them again (which would add each as a second version). Versions of a
 * key are copied oldest first and one at a time, so what landed unrecorded is the key's
 * newest destination versions: those newer than the last one the ledger records for the
 * key (or, when it records none, those written since the attempt began, give or take
 * {@link #CLOCK_SKEW}), paired oldest first with the key's pending versions while sizes
 * and ETags agree. One ListObjectVersions per key, only for keys of a chunk that was cut
 * short.
 */
public class LandedVersions {

	/** How far this machine's clock and S3's may disagree. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final S3AsyncClient destinationClient;

	private final String destinationBucket;

	private final ObjectCopier copier;

	private final Function<PlannedObject, @Nullable String> recordedBefore;

	/**
	 * @param destinationClient the destination's client
	 * @param destinationBucket the destination bucket
	 * @param copier verifies and records a copy found at the destination
	 * @param recordedBefore the destination version the ledger records for the key's
	 * version just before a pending one, or null
	 */
	public LandedVersions(S3AsyncClient destinationClient, String destinationBucket, ObjectCopier copier,
			Function<PlannedObject, @Nullable String> recordedBefore) {
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.hasText(destinationBucket, "destinationBucket is required");
		Assert.notNull(copier, "copier is required");
		Assert.notNull(recordedBefore, "recordedBefore is required");
		this.destinationClient = destinationClient;
		this.destinationBucket = destinationBucket;
		this.copier = copier;
		this.recordedBefore = recordedBefore;
	}

	/**
	 * The outcomes of the key's first pending versions whose copies are found at the
	 * destination, in order; empty when none is, or when the key's first pending version
	 * was not being copied when the run was cut short.
	 */
	public CompletableFuture<List<ObjectOutcome>> landed(List<PlannedObject> key) {
		PlannedObject first = key.get(0);
		Instant attempted = first.attemptedAt();
		if (attempted == null || first.deleteMarker()) {
			return CompletableFuture.completedFuture(List.of());
		}
		String newestRecorded = this.recordedBefore.apply(first);
		Set<String> recorded = new HashSet<>();
		key.forEach((version) -> {
			if (version.destinationVersionId() != null) {
				recorded.add(version.destinationVersionId());
			}
		});
		return this.destinationClient
			.listObjectVersions((list) -> list.bucket(this.destinationBucket).prefix(first.destinationKey()))
			.thenCompose((listing) -> adopt(key,
					unrecorded(listing, first.destinationKey(), newestRecorded, recorded, attempted)));
	}

	/** The key's destination versions that no row records, oldest first. */
	private static List<ObjectVersion> unrecorded(ListObjectVersionsResponse listing, String key,
			@Nullable String newestRecorded, Set<String> recorded, Instant attempted) {
		List<ObjectVersion> newer = new ArrayList<>();
		// Newest first, as S3 lists a key's versions.
		for (ObjectVersion version : listing.versions()) {
			if (!version.key().equals(key)) {
				continue;
			}
			if (version.versionId().equals(newestRecorded) || recorded.contains(version.versionId())) {
				break;
			}
			if (newestRecorded == null && version.lastModified().isBefore(attempted.minus(CLOCK_SKEW))) {
				break;
			}
			newer.add(0, version);
		}
		return newer;
	}

	private CompletableFuture<List<ObjectOutcome>> adopt(List<PlannedObject> key, List<ObjectVersion> landed) {
		CompletableFuture<List<ObjectOutcome>> chain = CompletableFuture.completedFuture(new ArrayList<>());
		for (int i = 0; i < Math.min(key.size(), landed.size()); i++) {
			PlannedObject version = key.get(i);
			ObjectVersion copy = landed.get(i);
			// The copy's ETag is the source's: sameObject compares them.
			String etag = version.etag();
			if (etag == null || !sameObject(version, copy)) {
				break;
			}
			chain = chain.thenCompose((outcomes) -> {
				if (!outcomes.isEmpty() && ChunkCopier.holdsBack(outcomes.get(outcomes.size() - 1))) {
					return CompletableFuture.completedFuture(outcomes);
				}
				return this.copier.landed(version, etag, copy.versionId()).thenApply((outcome) -> {
					outcomes.add(outcome);
					return outcomes;
				});
			});
		}
		return chain;
	}

	/**
	 * Whether a destination version is a copy of the source version, as far as its
	 * listing shows.
	 */
	private static boolean sameObject(PlannedObject version, ObjectVersion copy) {
		if (version.size() == null || copy.size() == null || !version.size().equals(copy.size())) {
			return false;
		}
		// Without the manifest's ETag, or with one the copy cannot share (multipart,
		// SSE-KMS), nothing tells them apart cheaply: copying again is the safe side.
		return version.etag() != null && version.etag().equals(EtagVerifier.unquote(copy.eTag()));
	}

}
