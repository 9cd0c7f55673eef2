package io.github.s3bulkcopy.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.github.s3bulkcopy.jobfile.ByteSize;

/** Numbers, sizes, times and durations as the HTML page shows them to people. */
final class Formats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private Formats() {
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	static String bytes(long value) {
		return (value < 1024) ? count(value) + " B" : ByteSize.format(value) + " (" + count(value) + " B)";
	}

	static String shortBytes(long value) {
		return ByteSize.format(value);
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}

	static String percent(long part, long whole) {
		if (whole == 0) {
			return "–";
		}
		double percent = 100.0 * part / whole;
		if (part > 0 && percent < 0.1) {
			return "<0.1%";
		}
		if (part < whole && percent > 99.9) {
			return ">99.9%";
		}
		return String.format(Locale.ROOT, "%.1f%%", percent);
	}

	static String rate(double perSecond, String unit) {
		return String.format(Locale.ROOT, (perSecond >= 100) ? "%,.0f %s/s" : "%,.2f %s/s", perSecond, unit);
	}

	/** An axis value: as few decimals as it needs, at most two. */
	static String axis(double value) {
		String text = String.format(Locale.ROOT, "%,.2f", value);
		return text.contains(".") ? text.replaceAll("\\.?0+$", "") : text;
	}

	static String mebibytesPerSecond(double bytesPerSecond) {
		return rate(bytesPerSecond / (1024 * 1024), "MiB");
	}

	/** {@code 2 h 05 min 09 s}, {@code 4 min 02 s}, {@code 12.3 s}. */
	static String duration(Duration duration) {
		long seconds = duration.getSeconds();
		if (seconds < 60) {
			return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
		}
		long days = seconds / 86400;
		long hours = (seconds % 86400) / 3600;
		long minutes = (seconds % 3600) / 60;
		long rest = seconds % 60;
		if (days > 0) {
			return String.format(Locale.ROOT, "%d d %02d h %02d min", days, hours, minutes);
		}
		if (hours > 0) {
			return String.format(Locale.ROOT, "%d h %02d min %02d s", hours, minutes, rest);
		}
		return String.format(Locale.ROOT, "%d min %02d s", minutes, rest);
	}

}
