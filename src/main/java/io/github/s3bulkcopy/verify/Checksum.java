package io.github.s3bulkcopy.verify;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import org.springframework.util.Assert;

/**
 * An additional checksum as S3 keeps it for an object: its algorithm, its type, and its
 * Base64 value. Written as {@code CRC64NVME:FULL_OBJECT:<base64>} in the ledger and the
 * reports, so a reader sees what was compared with what. Two checksums prove equal bytes
 * only when algorithm and type are the same: a {@link Type#COMPOSITE} value is a checksum
 * of the part checksums and changes with the part sizes, a {@link Type#FULL_OBJECT} value
 * does not.
 *
 * @param algorithm the algorithm as S3 names it: CRC64NVME, CRC32, CRC32C, SHA1 or SHA256
 * @param type whether the value covers the whole object or is composed from the parts
 * @param value the Base64 value; a composite value keeps S3's {@code -<parts>} suffix
 */
public record Checksum(String algorithm, Type type, String value) {

	/**
	 * The algorithm this tool asks S3 to compute on copies and computes itself when it
	 * reads objects.
	 */
	public static final String CRC64NVME = "CRC64NVME";

	/** A composite value ends in a dash and the part count, as in {@code EbZVwA==-2}. */
	private static final Pattern PART_COUNT_SUFFIX = Pattern.compile(".*-\\d+$");

	/** What a checksum value covers. */
	public enum Type {

		/** The checksum of all the object's bytes, whatever the parts. */
		FULL_OBJECT,

		/**
		 * The checksum of the parts' checksums: equal bytes in other part sizes give
		 * another value.
		 */
		COMPOSITE

	}

	public Checksum {
		Assert.hasText(algorithm, "algorithm is required");
		Assert.notNull(type, "type is required");
		Assert.hasText(value, "value is required");
	}

	/** A full-object CRC64NVME, such as one this process computed over bytes it read. */
	public static Checksum crc64nvme(String base64) {
		return new Checksum(CRC64NVME, Type.FULL_OBJECT, base64);
	}

	/**
	 * The checksum a HEAD (with {@code ChecksumMode.ENABLED}) returned; null when the
	 * object has none.
	 */
	public static @Nullable Checksum fromHead(HeadObjectResponse head) {
		return of(head.checksumCRC64NVME(), head.checksumSHA256(), head.checksumSHA1(), head.checksumCRC32C(),
				head.checksumCRC32(), head.checksumTypeAsString());
	}

	/**
	 * The checksum a GetObject (with {@code ChecksumMode.ENABLED}) returned; null when
	 * the object has none.
	 */
	public static @Nullable Checksum fromGet(GetObjectResponse get) {
		return of(get.checksumCRC64NVME(), get.checksumSHA256(), get.checksumSHA1(), get.checksumCRC32C(),
				get.checksumCRC32(), get.checksumTypeAsString());
	}

	/**
	 * The checksum a CopyObject (or a multipart copy) answered with; null when the answer
	 * held none.
	 */
	public static @Nullable Checksum fromCopyResult(@Nullable CopyObjectResult result) {
		if (result == null) {
			return null;
		}
		return of(result.checksumCRC64NVME(), result.checksumSHA256(), result.checksumSHA1(), result.checksumCRC32C(),
				result.checksumCRC32(), result.checksumTypeAsString());
	}

	/**
	 * The checksum among the values S3 returned, preferring CRC64NVME. When S3 does not
	 * state the type (older servers and some S3-compatible ones do not), a value with a
	 * part-count suffix is composite and any other is a full-object value, which is how
	 * S3 writes them; CRC64NVME is always full-object.
	 */
	static @Nullable Checksum of(@Nullable String crc64nvme, @Nullable String sha256, @Nullable String sha1,
			@Nullable String crc32c, @Nullable String crc32, @Nullable String type) {
		String[][] candidates = { { CRC64NVME, crc64nvme }, { "SHA256", sha256 }, { "SHA1", sha1 },
				{ "CRC32C", crc32c }, { "CRC32", crc32 } };
		for (String[] candidate : candidates) {
			String value = candidate[1];
			if (value != null && !value.isBlank()) {
				return new Checksum(candidate[0], type(candidate[0], value.strip(), type), value.strip());
			}
		}
		return null;
	}

	private static Type type(String algorithm, String value, @Nullable String stated) {
		if (CRC64NVME.equals(algorithm)) {
			return Type.FULL_OBJECT;
		}
		if (stated != null && !stated.isBlank()) {
			try {
				return Type.valueOf(stated.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// an unknown type name: fall back on the value's form, as for a server
				// that states none
			}
		}
		return PART_COUNT_SUFFIX.matcher(value).matches() ? Type.COMPOSITE : Type.FULL_OBJECT;
	}

	/** {@code ALGORITHM:TYPE:value}, as the ledger and the reports hold it. */
	@Override
	public String toString() {
		return this.algorithm + ":" + this.type + ":" + this.value;
	}

}
