package io.github.s3bulkcopy.copy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.ledger.ExtraObject;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

import org.springframework.util.Assert;

/**
 * Deletes extras (destination objects the plan does not name) with DeleteObjects, up to
 * {@value #MAX_KEYS} keys per request, and says what became of each. Deletes name no
 * version: on a versioned destination each adds a delete marker and keeps the object's
 * versions, as deleting a key does at the source.
 */
public class ExtraDeleter {

	/** The most keys one DeleteObjects request takes. */
	public static final int MAX_KEYS = 1000;

	private final S3Client destination;

	private final String bucket;

	private final Clock clock;

	public ExtraDeleter(S3Client destination, String bucket) {
		this(destination, bucket, Clock.systemUTC());
	}

	ExtraDeleter(S3Client destination, String bucket, Clock clock) {
		Assert.notNull(destination, "destination is required");
		Assert.notNull(bucket, "bucket is required");
		this.destination = destination;
		this.bucket = bucket;
		this.clock = clock;
	}

	/**
	 * Deletes up to {@value #MAX_KEYS} extras in one request.
	 * @return the same extras, each DELETED or DELETE_FAILED with S3's error code and
	 * message
	 */
	public List<ExtraObject> delete(List<ExtraObject> extras) {
		Assert.isTrue(extras.size() <= MAX_KEYS, () -> "at most " + MAX_KEYS + " keys per DeleteObjects request");
		if (extras.isEmpty()) {
			return List.of();
		}
		List<ObjectIdentifier> keys = extras.stream()
			.map((extra) -> ObjectIdentifier.builder().key(extra.destinationKey()).build())
			.toList();
		DeleteObjectsResponse response = this.destination
			.deleteObjects((delete) -> delete.bucket(this.bucket).delete((d) -> d.objects(keys).quiet(true)));
		Map<String, S3Error> errors = new HashMap<>();
		for (S3Error error : response.errors()) {
			errors.put(error.key(), error);
		}
		Instant now = this.clock.instant();
		List<ExtraObject> done = new ArrayList<>(extras.size());
		for (ExtraObject extra : extras) {
			S3Error error = errors.get(extra.destinationKey());
			done.add((error == null) ? extra.deleted(now)
					: extra.deleteFailed((error.code() != null) ? error.code() : "Unknown",
							(error.message() != null) ? error.message() : "DeleteObjects refused the key", now));
		}
		return done;
	}

}
