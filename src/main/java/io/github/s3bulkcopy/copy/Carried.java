package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.Locale;

import io.github.s3bulkcopy.ledger.NotCarried;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Checksum;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The source object's own properties a copy sends with it, whatever the copy mode: its
 * storage class (unless the job sets one), its website redirect location, and, into a
 * destination bucket with Object Lock enabled, its retention (unless the retain-until
 * date has passed) and legal hold; and, as {@link NotCarried} bits, what it left out.
 * CopyObject copies none of these by itself (its storage class defaults to STANDARD, and
 * the metadata directive does not cover the redirect), so each write request names them.
 *
 * @param storageClass the storage class to send; null for S3's default, STANDARD
 * @param websiteRedirectLocation the website redirect location to send, if any
 * @param lockMode the Object Lock retention mode to send, if any (always with
 * {@code retainUntil})
 * @param retainUntil the retain-until date to send, if any
 * @param legalHold the legal hold status to send (ON), if any
 * @param notCarried what was left out, as {@link NotCarried} bits
 */
record Carried(@Nullable String storageClass, @Nullable String websiteRedirectLocation, @Nullable String lockMode,
		@Nullable Instant retainUntil, @Nullable String legalHold, int notCarried) {

	static final String STANDARD = "STANDARD";

	/**
	 * What is known of the source's properties.
	 *
	 * @param read whether they come from the source's HEAD or GET, where an absent value
	 * means the object has none (S3 omits the storage class of a STANDARD object); else
	 * from the manifest, where absent means not known
	 * @param storageClass the storage class (STANDARD where a HEAD or GET omitted it), if
	 * known
	 * @param websiteRedirectLocation the website redirect location, if it has one
	 * @param lockMode the retention mode, if the reader may see it
	 * (s3:GetObjectRetention)
	 * @param retainUntil the retain-until date, likewise
	 * @param legalHold the legal hold status, if the reader may see it
	 * (s3:GetObjectLegalHold)
	 * @param checksumAlgorithm the algorithm of its stored checksum, if known
	 */
	record Source(boolean read, @Nullable String storageClass, @Nullable String websiteRedirectLocation,
			@Nullable String lockMode, @Nullable Instant retainUntil, @Nullable String legalHold,
			@Nullable String checksumAlgorithm) {

		static Source of(HeadObjectResponse head) {
			Checksum checksum = Checksum.fromHead(head);
			return new Source(true, (head.storageClass() != null) ? head.storageClassAsString() : STANDARD,
					head.websiteRedirectLocation(),
					(head.objectLockMode() != null) ? head.objectLockModeAsString() : null,
					head.objectLockRetainUntilDate(),
					(head.objectLockLegalHoldStatus() != null) ? head.objectLockLegalHoldStatusAsString() : null,
					(checksum != null) ? checksum.algorithm() : null);
		}

		static Source of(GetObjectResponse get) {
			return new Source(true, (get.storageClass() != null) ? get.storageClassAsString() : STANDARD,
					get.websiteRedirectLocation(), (get.objectLockMode() != null) ? get.objectLockModeAsString() : null,
					get.objectLockRetainUntilDate(),
					(get.objectLockLegalHoldStatus() != null) ? get.objectLockLegalHoldStatusAsString() : null,
					algorithm(get));
		}

		/**
		 * What the manifest said: the storage class and checksum algorithm, where it has
		 * those columns.
		 */
		static Source of(PlannedObject object) {
			return new Source(false, object.storageClass(), null, null, null, null, object.checksumAlgorithm());
		}

		private static @Nullable String algorithm(GetObjectResponse get) {
			if (get.checksumCRC64NVME() != null) {
				return Checksum.CRC64NVME;
			}
			if (get.checksumSHA256() != null) {
				return "SHA256";
			}
			if (get.checksumSHA1() != null) {
				return "SHA1";
			}
			if (get.checksumCRC32C() != null) {
				return "CRC32C";
			}
			return (get.checksumCRC32() != null) ? "CRC32" : null;
		}

		boolean locked() {
			return this.lockMode != null || "ON".equalsIgnoreCase(this.legalHold);
		}

	}

	/**
	 * What to send for one object.
	 * @param target the job's destination settings (a storage class set there wins)
	 * @param features what the run knows of the buckets
	 * @param source what is known of the source
	 * @param now the time a retain-until date is compared with
	 */
	static Carried of(CopyTarget target, BucketFeatures.Features features, Source source, Instant now) {
		int notCarried = 0;
		String storageClass = target.storageClass();
		if (storageClass == null && source.storageClass() != null && !STANDARD.equals(source.storageClass())) {
			storageClass = source.storageClass();
		}
		if (!source.read() && features.sourceWebsite() == BucketFeatures.State.NO) {
			notCarried |= NotCarried.WEBSITE_REDIRECT_NOT_LOOKED_UP.bit();
		}
		String lockMode = null;
		Instant retainUntil = null;
		String legalHold = null;
		switch (features.destinationObjectLock()) {
			case YES -> {
				if (!source.read()) {
					notCarried |= NotCarried.OBJECT_LOCK_NOT_LOOKED_UP.bit();
				}
				if (source.lockMode() != null && source.retainUntil() != null) {
					if (source.retainUntil().isAfter(now)) {
						lockMode = source.lockMode();
						retainUntil = source.retainUntil();
					}
					else {
						notCarried |= NotCarried.RETENTION_EXPIRED.bit();
					}
				}
				if ("ON".equalsIgnoreCase(source.legalHold())) {
					legalHold = "ON";
				}
			}
			case NO -> {
				if (!source.read()) {
					notCarried |= NotCarried.OBJECT_LOCK_NOT_LOOKED_UP.bit();
				}
				else if (source.locked()) {
					notCarried |= NotCarried.OBJECT_LOCK_DESTINATION_UNLOCKED.bit();
				}
			}
			case UNKNOWN -> notCarried |= NotCarried.OBJECT_LOCK_DESTINATION_UNREADABLE.bit();
		}
		String algorithm = source.checksumAlgorithm();
		if (algorithm != null && !Checksum.CRC64NVME.equals(algorithm.replace("_", "").toUpperCase(Locale.ROOT))) {
			notCarried |= NotCarried.CHECKSUM_ALGORITHM_REPLACED.bit();
		}
		return new Carried(storageClass, source.websiteRedirectLocation(), lockMode, retainUntil, legalHold,
				notCarried);
	}

	void applyTo(CopyObjectRequest.Builder copy) {
		copy.storageClass(this.storageClass)
			.websiteRedirectLocation(this.websiteRedirectLocation)
			.objectLockMode(this.lockMode)
			.objectLockRetainUntilDate(this.retainUntil)
			.objectLockLegalHoldStatus(this.legalHold);
	}

	void applyTo(CreateMultipartUploadRequest.Builder create) {
		create.storageClass(this.storageClass)
			.websiteRedirectLocation(this.websiteRedirectLocation)
			.objectLockMode(this.lockMode)
			.objectLockRetainUntilDate(this.retainUntil)
			.objectLockLegalHoldStatus(this.legalHold);
	}

	void applyTo(PutObjectRequest.Builder put) {
		put.storageClass(this.storageClass)
			.websiteRedirectLocation(this.websiteRedirectLocation)
			.objectLockMode(this.lockMode)
			.objectLockRetainUntilDate(this.retainUntil)
			.objectLockLegalHoldStatus(this.legalHold);
	}

}
