package io.github.s3bulkcopy.copy;

import java.nio.ByteBuffer;
import java.util.Base64;

import io.github.s3bulkcopy.verify.Checksum;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.crt.checksums.CRC64NVME;

/**
 * CRC64NVME, the checksum S3 stores by default: aws-crt computes it
 * (hardware-accelerated); this adds what it lacks, feeding it {@link ByteBuffer}s without
 * moving them, S3's Base64 form, and combining the checksums of consecutive pieces, so
 * the parts of a multipart upload, read in parallel, give the checksum of the whole
 * object.
 */
public final class Crc64Nvme {

	/** The CRC-64/NVME polynomial, bit-reflected, as the computation uses it. */
	private static final long POLYNOMIAL = 0x9a6c9329ac4bc9b5L;

	private final CRC64NVME crc = new CRC64NVME();

	private byte[] scratch = new byte[0];

	/** Adds the buffer's remaining bytes; its position is left where it was. */
	public void update(ByteBuffer buffer) {
		int length = buffer.remaining();
		if (buffer.hasArray()) {
			this.crc.update(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
			return;
		}
		if (this.scratch.length < Math.min(length, 64 * 1024)) {
			this.scratch = new byte[Math.min(length, 64 * 1024)];
		}
		ByteBuffer view = buffer.duplicate();
		while (view.hasRemaining()) {
			int n = Math.min(view.remaining(), this.scratch.length);
			view.get(this.scratch, 0, n);
			this.crc.update(this.scratch, 0, n);
		}
	}

	public long value() {
		return this.crc.getValue();
	}

	/** The checksum as S3 writes it: 8 bytes big-endian, Base64. */
	public static String toBase64(long crc) {
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(crc).array());
	}

	/**
	 * A CRC64NVME the destination reported in its answer to a write, as verification
	 * takes it; null for none.
	 */
	static @Nullable Checksum reported(@Nullable String base64) {
		return (base64 != null && !base64.isBlank()) ? Checksum.crc64nvme(base64.strip()) : null;
	}

	/**
	 * The CRC64NVME of {@code A + B} from the CRC64NVME of A, that of B and B's length,
	 * without the bytes (zlib's crc32_combine, for 64 bits): the CRC of A is advanced
	 * over {@code lengthB} zero bytes by repeated squaring of the one-zero-bit operator
	 * in GF(2), then B's CRC is added.
	 */
	public static long combine(long crcA, long crcB, long lengthB) {
		if (lengthB <= 0) {
			return crcA;
		}
		long[] even = new long[64];
		long[] odd = new long[64];
		odd[0] = POLYNOMIAL;
		long row = 1;
		for (int n = 1; n < 64; n++) {
			odd[n] = row;
			row <<= 1;
		}
		square(even, odd);
		square(odd, even);
		long crc = crcA;
		long length = lengthB;
		do {
			square(even, odd);
			if ((length & 1) != 0) {
				crc = times(even, crc);
			}
			length >>>= 1;
			if (length == 0) {
				break;
			}
			square(odd, even);
			if ((length & 1) != 0) {
				crc = times(odd, crc);
			}
			length >>>= 1;
		}
		while (length != 0);
		return crc ^ crcB;
	}

	private static long times(long[] matrix, long vector) {
		long sum = 0;
		long v = vector;
		for (int i = 0; v != 0; i++, v >>>= 1) {
			if ((v & 1) != 0) {
				sum ^= matrix[i];
			}
		}
		return sum;
	}

	private static void square(long[] square, long[] matrix) {
		for (int n = 0; n < 64; n++) {
			square[n] = times(matrix, matrix[n]);
		}
	}

}
