package io.github.s3bulkcopy.copy;

import java.util.Locale;
import java.util.Set;

import io.github.s3bulkcopy.ledger.PlannedObject;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * A source object in an archive: S3 Glacier Flexible Retrieval ({@code GLACIER}), S3
 * Glacier Deep Archive ({@code DEEP_ARCHIVE}), or the Archive Access / Deep Archive
 * Access tier of S3 Intelligent-Tiering. Such an object cannot be read or copied (S3
 * answers 403 InvalidObjectState) until a restore of it has finished. S3 Glacier Instant
 * Retrieval is not an archive.
 *
 * @param storageClass the storage class, e.g. {@code GLACIER}
 * @param accessTier the Intelligent-Tiering archive tier ({@code ARCHIVE_ACCESS},
 * {@code DEEP_ARCHIVE_ACCESS}), or null
 * @param restore how far a restore of it has got
 */
public record ArchivedSource(String storageClass, @Nullable String accessTier, Restore restore) {

	/**
	 * The storage classes that are archives as a whole, as manifests and HEAD answers
	 * name them.
	 */
	public static final Set<String> ARCHIVE_CLASSES = Set.of("GLACIER", "DEEP_ARCHIVE");

	/** How far a restore has got, from the {@code x-amz-restore} header. */
	public enum Restore {

		/** No restore was asked for, or the restored copy expired. */
		NONE,

		/**
		 * A restore was asked for and has not finished ({@code ongoing-request="true"}).
		 */
		ONGOING,

		/** A restored copy is there to read ({@code ongoing-request="false"}). */
		DONE

	}

	/**
	 * The archive the manifest's storage class names, or null when it names none. Whether
	 * a restore is under way or done only a HEAD tells, so the restore is
	 * {@link Restore#NONE} here.
	 */
	public static @Nullable ArchivedSource fromManifest(PlannedObject object) {
		String storageClass = normalized(object.storageClass());
		return (storageClass != null && ARCHIVE_CLASSES.contains(storageClass))
				? new ArchivedSource(storageClass, null, Restore.NONE) : null;
	}

	/** The archive a HEAD answer describes, or null when the object is not archived. */
	public static @Nullable ArchivedSource fromHead(HeadObjectResponse head) {
		String storageClass = normalized(head.storageClassAsString());
		String accessTier = normalized(head.archiveStatusAsString());
		Restore restore = restore(head.restore());
		if (storageClass != null && ARCHIVE_CLASSES.contains(storageClass)) {
			return new ArchivedSource(storageClass, null, restore);
		}
		if (accessTier != null) {
			// x-amz-archive-status is sent only for Intelligent-Tiering objects in an
			// archive tier.
			return new ArchivedSource((storageClass != null) ? storageClass : "INTELLIGENT_TIERING", accessTier,
					restore);
		}
		return null;
	}

	/** The state an {@code x-amz-restore} header value gives. */
	static Restore restore(@Nullable String header) {
		if (header == null) {
			return Restore.NONE;
		}
		String value = header.toLowerCase(Locale.ROOT).replace(" ", "");
		if (value.contains("ongoing-request=\"true\"")) {
			return Restore.ONGOING;
		}
		return value.contains("ongoing-request=\"false\"") ? Restore.DONE : Restore.NONE;
	}

	/** Whether a restored copy can be read (and copied) now. */
	public boolean readable() {
		return this.restore == Restore.DONE;
	}

	/**
	 * Whether this is an Intelligent-Tiering archive tier, whose restores take a tier but
	 * no number of days.
	 */
	public boolean intelligentTiering() {
		return this.accessTier != null;
	}

	/**
	 * Whether this is Deep Archive or Intelligent-Tiering's Deep Archive Access tier: no
	 * expedited retrieval.
	 */
	public boolean deep() {
		return "DEEP_ARCHIVE".equals(this.storageClass) || "DEEP_ARCHIVE_ACCESS".equals(this.accessTier);
	}

	/**
	 * The archive as the report names it: {@code GLACIER}, or
	 * {@code INTELLIGENT_TIERING (ARCHIVE_ACCESS)}.
	 */
	public String describe() {
		return (this.accessTier != null) ? this.storageClass + " (" + this.accessTier + ")" : this.storageClass;
	}

	private static @Nullable String normalized(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip().toUpperCase(Locale.ROOT);
	}

}
