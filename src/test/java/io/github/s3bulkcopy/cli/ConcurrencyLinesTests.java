package io.github.s3bulkcopy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.s3bulkcopy.jobfile.CopySpec;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.pacing.AdaptiveLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dry run says the objects in flight will be, and what the end of a run says they
 * were.
 */
class ConcurrencyLinesTests {

	@TempDir
	Path dir;

	@Test
	void aDryRunSaysWhetherTheObjectsInFlightFollowS3OrAreFixed() throws IOException {
		assertThat(dryRunLine("")).isEqualTo("  concurrency: auto: starts at 16 objects in flight, then follows S3 "
				+ "between 4 and 512 (copy.min-concurrency, copy.max-concurrency)");
		assertThat(dryRunLine("copy:\n  min-concurrency: 32\n  max-concurrency: 1024\n"))
			.contains("starts at 32 objects in flight, then follows S3 between 32 and 1024");
		assertThat(dryRunLine("copy:\n  concurrency: 200\n"))
			.isEqualTo("  concurrency: 200 objects in flight (copy.concurrency; fewer while S3 throttles)");
	}

	@Test
	void theEndOfARunSaysWhereAnAutoLimitSettledAndHowS3ThrottledIt() {
		AtomicLong nanos = new AtomicLong();
		AdaptiveLimit limit = AdaptiveLimit.auto(16, 4, 512, Duration.ofSeconds(1), nanos::get);
		for (int i = 0; i < 16; i++) {
			limit.finished(50_000_000L, 16);
		}
		limit.throttled();

		assertThat(printed(limit)).containsExactly(
				"  concurrency:  auto (4 to 512): settled at 10 objects in flight; started at 16, 10 at the lowest, "
						+ "20 at the highest",
				"  throttling:   1 throttled answer(s) (503 SlowDown and the like); objects in flight limited to 10 at "
						+ "least, 10 at the end (copy.concurrency auto)");
	}

	@Test
	void aLimitThatCopiedNothingSaysNothing() {
		assertThat(printed(new AdaptiveLimit(64))).isEmpty();
	}

	private String dryRunLine(String copy) throws IOException {
		Path job = this.dir.resolve("job" + copy.hashCode() + ".yml");
		Files.writeString(job, """
				name: lines
				source:
				  bucket: acme-logs
				destination:
				  bucket: acme-logs-b
				manifest:
				  type: listing
				""" + copy);
		CopySpec spec = new JobFileLoader().load(job).spec().copy();
		StringWriter out = new StringWriter();
		RunPrinter.printConcurrency(new PrintWriter(out, true), spec);
		return out.toString().stripTrailing();
	}

	private static java.util.List<String> printed(AdaptiveLimit limit) {
		StringWriter out = new StringWriter();
		RunPrinter.printThrottling(new PrintWriter(out, true), limit);
		return out.toString().lines().toList();
	}

}
