package io.github.s3bulkcopy.copy;

import java.nio.ByteBuffer;
import java.util.Base64;

import io.github.s3bulkcopy.verify.Checksum;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;

/**
 * Checks the bytes of one pass over a streamed source object against the full-object
 * checksum the source stores for it. The SDK checks a GET's body itself only when the
 * body is read to its end, and a PUT fed from that body stops reading once it has the
 * content length's worth: without this check a corrupt source object would be copied as
 * it is read.
 */
final class StoredChecksumCheck {

	private final Checksum stored;

	private final SdkChecksum computed;

	private StoredChecksumCheck(Checksum stored, SdkChecksum computed) {
		this.stored = stored;
		this.computed = computed;
	}

	/**
	 * A check of a new pass, or null when the source stores no full-object checksum to
	 * check against.
	 */
	static @Nullable StoredChecksumCheck of(@Nullable Checksum stored) {
		if (stored == null || stored.type() != Checksum.Type.FULL_OBJECT) {
			return null;
		}
		try {
			return new StoredChecksumCheck(stored,
					SdkChecksum.forAlgorithm(DefaultChecksumAlgorithm.fromValue(stored.algorithm())));
		}
		catch (RuntimeException ex) {
			// An algorithm this SDK cannot compute: the copy's verification is then the
			// only check.
			return null;
		}
	}

	/** Adds a buffer's remaining bytes without moving its position. */
	void update(ByteBuffer buffer) {
		this.computed.update(buffer.duplicate());
	}

	/** The mismatch once every byte has passed, or null when the bytes match. */
	@Nullable SourceChecksumMismatchException mismatch() {
		String read = Base64.getEncoder().encodeToString(this.computed.getChecksumBytes());
		return read.equals(this.stored.value()) ? null
				: new SourceChecksumMismatchException(this.stored.algorithm(), this.stored.value(), read);
	}

}
