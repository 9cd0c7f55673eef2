package io.github.s3bulkcopy.report;

import java.time.Duration;
import java.time.Instant;

/**
 * What finished in one interval of a run.
 *
 * @param start when the interval starts
 * @param width how long it is
 * @param objects objects that finished in it (copied, skipped or failed)
 * @param bytes bytes of the objects copied in it
 */
public record ThroughputInterval(Instant start, Duration width, long objects, long bytes) {

	/** Objects per second over the interval. */
	public double objectsPerSecond() {
		return this.objects / (double) this.width.toSeconds();
	}

	/** Bytes per second over the interval. */
	public double bytesPerSecond() {
		return this.bytes / (double) this.width.toSeconds();
	}

}
