package io.github.s3bulkcopy.jobfile;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * {@code copy.concurrency}: {@code auto}, objects in flight that follow the store between
 * {@code copy.min-concurrency} and {@code copy.max-concurrency}, or a fixed number of
 * them (which still backs off while S3 throttles).
 *
 * @param fixed the fixed number of objects in flight; null for {@code auto}
 */
public record Concurrency(@Nullable Integer fixed) {

	/**
	 * The most objects in flight a job file may fix, and the highest bound it may set.
	 */
	public static final int MAX = 4096;

	/** Objects in flight that follow the store. */
	public static final Concurrency AUTO = new Concurrency(null);

	/** A fixed number of objects in flight. */
	public static Concurrency of(int fixed) {
		return new Concurrency(fixed);
	}

	/**
	 * Parses {@code auto} or a whole number from 1 to {@link #MAX}; used by the job file
	 * binder.
	 */
	public static Concurrency valueOf(String text) {
		String value = text.strip();
		if (value.equalsIgnoreCase("auto")) {
			return AUTO;
		}
		int number;
		try {
			number = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(problem(text));
		}
		if (number < 1 || number > MAX) {
			throw new IllegalArgumentException(problem(text));
		}
		return of(number);
	}

	private static String problem(String text) {
		return "must be auto or a whole number from 1 to " + MAX + " (was '" + text + "')";
	}

	/** Whether the objects in flight follow the store. */
	public boolean auto() {
		return this.fixed == null;
	}

	@Override
	public String toString() {
		return auto() ? "auto" : String.format(Locale.ROOT, "%d", this.fixed);
	}

}
