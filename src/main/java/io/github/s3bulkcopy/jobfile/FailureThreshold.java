package io.github.s3bulkcopy.jobfile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a run that is failing wholesale stops: after a count of failed objects
 * ({@code 100}), or when more than a share of the objects dealt with failed, once at
 * least some number were dealt with ({@code 50% after 1000}, the default, as S3 Batch
 * Operations does), or {@code none}.
 *
 * @param maxFailed the most failed objects tolerated, for a count; -1 otherwise
 * @param percent the failed share in percent above which the run stops, for a share; -1
 * otherwise
 * @param after how many objects must be dealt with before a share is judged
 */
public record FailureThreshold(long maxFailed, double percent, long after) {

	private static final Pattern SHARE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:after\\s+(\\d+))?\\s*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern COUNT = Pattern.compile("^\\s*(\\d+)\\s*$");

	/** Never stops a run for its failures. */
	public static final FailureThreshold NONE = new FailureThreshold(-1, -1, 0);

	/**
	 * Parses {@code 100}, {@code 50%}, {@code 50% after 1000} or {@code none}; used by
	 * the job file binder.
	 */
	public static FailureThreshold valueOf(String text) {
		if (text.strip().equalsIgnoreCase("none")) {
			return NONE;
		}
		Matcher count = COUNT.matcher(text);
		if (count.matches()) {
			return new FailureThreshold(Long.parseLong(count.group(1)), -1, 0);
		}
		Matcher share = SHARE.matcher(text);
		if (share.matches()) {
			double percent = Double.parseDouble(share.group(1));
			if (percent > 100) {
				throw new IllegalArgumentException("'" + text + "': a share cannot be above 100%");
			}
			long after = (share.group(2) != null) ? Long.parseLong(share.group(2)) : 1000;
			return new FailureThreshold(-1, percent, after);
		}
		throw new IllegalArgumentException("'" + text
				+ "' is not a failure threshold: write a count (100), a share (50%), a share after a number of "
				+ "objects (50% after 1000) or none");
	}

	/**
	 * Whether {@code failed} failures among {@code done} objects dealt with cross the
	 * threshold.
	 */
	public boolean exceeded(long done, long failed) {
		if (this.maxFailed >= 0) {
			return failed > this.maxFailed;
		}
		if (this.percent >= 0) {
			return done >= this.after && done > 0 && failed * 100.0 / done > this.percent;
		}
		return false;
	}

	@Override
	public String toString() {
		if (this.maxFailed >= 0) {
			return "more than " + this.maxFailed + " failed objects";
		}
		if (this.percent >= 0) {
			return String.format(Locale.ROOT, "more than %s%% failed objects after %d", trim(this.percent), this.after);
		}
		return "none";
	}

	private static String trim(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
