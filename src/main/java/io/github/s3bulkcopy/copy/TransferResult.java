package io.github.s3bulkcopy.copy;

import io.github.s3bulkcopy.verify.Checksum;
import org.jspecify.annotations.Nullable;

/**
 * What the destination said about a copy it accepted, and what the transfer itself knows
 * of the bytes, for verification and the ledger.
 *
 * @param etag the destination ETag, quotes removed
 * @param encryption the destination's server-side encryption, if it said
 * @param multipart whether the destination was written in parts
 * @param versionId the destination version written, on a versioned bucket
 * @param crc64nvme the CRC64NVME (Base64, as S3 writes it) this process computed over the
 * bytes it wrote, when the bytes passed through it (a streamed copy); null for a
 * server-side copy. Compared with the CRC64NVME the destination stored.
 * @param destinationChecksum the checksum the destination reported in its answer to the
 * write (CopyObject, CompleteMultipartUpload, PutObject), null when it reported none.
 * Only a value in that answer counts as computed for the copy: a HEAD afterwards may show
 * a source's checksum that the server carried over without computing it.
 * @param notCarried what the copy did not carry over from the source, as
 * {@code ledger.NotCarried} bits
 */
public record TransferResult(@Nullable String etag, @Nullable String encryption, boolean multipart,
		@Nullable String versionId, @Nullable String crc64nvme, @Nullable Checksum destinationChecksum,
		int notCarried) {

	/** A result that left nothing out, or does not know what it left out. */
	public TransferResult(@Nullable String etag, @Nullable String encryption, boolean multipart,
			@Nullable String versionId, @Nullable String crc64nvme, @Nullable Checksum destinationChecksum) {
		this(etag, encryption, multipart, versionId, crc64nvme, destinationChecksum, 0);
	}

	/** This result, with what the copy left out. */
	public TransferResult withNotCarried(int bits) {
		return new TransferResult(this.etag, this.encryption, this.multipart, this.versionId, this.crc64nvme,
				this.destinationChecksum, bits);
	}

	/** A result that knows nothing of checksums. */
	public TransferResult(@Nullable String etag, @Nullable String encryption, boolean multipart,
			@Nullable String versionId) {
		this(etag, encryption, multipart, versionId, null, null);
	}

}
