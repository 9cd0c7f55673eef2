package io.github.s3bulkcopy.jobfile;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A number of bytes written the way people write them in a job file: {@code 5GiB},
 * {@code 256MiB}, {@code 8MB}, {@code 1048576}. KB, MB, GB and TB are binary units here,
 * as in AWS's own limits ("5 GB" is 5 GiB).
 *
 * @param bytes the number of bytes
 */
public record ByteSize(long bytes) {

	private static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern
		.compile("^\\s*(\\d+)\\s*([KMGT]i?B|B)?\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE);

	public ByteSize {
		if (bytes < 0) {
			throw new IllegalArgumentException("a size cannot be negative: " + bytes);
		}
	}

	/**
	 * Parses a size; used by the job file binder, which calls {@code valueOf(String)}.
	 */
	public static ByteSize valueOf(String text) {
		Matcher matcher = PATTERN.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a size: write a whole number with an optional unit B, KiB, MiB, GiB or TiB");
		}
		long number = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2).toUpperCase(Locale.ROOT) : "B";
		int shift = switch (unit.charAt(0)) {
			case 'K' -> 10;
			case 'M' -> 20;
			case 'G' -> 30;
			case 'T' -> 40;
			default -> 0;
		};
		if (shift > 0 && number > (Long.MAX_VALUE >> shift)) {
			throw new IllegalArgumentException("'" + text + "' is too large");
		}
		return new ByteSize(number << shift);
	}

	public static ByteSize ofMebibytes(long mebibytes) {
		return new ByteSize(mebibytes << 20);
	}

	@Override
	public String toString() {
		return format(this.bytes);
	}

	/** A short human form: {@code 5 GiB}, {@code 12.3 MiB}, {@code 512 B}. */
	public static String format(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KiB", "MiB", "GiB", "TiB", "PiB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f %s", value, units[unit])
				: String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

}
