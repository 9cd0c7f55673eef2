package io.github.s3bulkcopy.jobfile;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When {@code schedule --job FILE} starts runs of the job.
 *
 * @param cron a Spring cron expression with seconds: second minute hour day-of-month
 * month day-of-week, e.g. {@code 0 0 2 * * *} for 02:00 every night (in the machine's
 * time zone)
 * @param until no run starts after this instant (ISO-8601, e.g. 2026-12-31T00:00:00Z);
 * the scheduler then ends
 * @param maxRuns the scheduler ends after this many runs (0: no limit)
 * @param window when runs may go, e.g. {@code 22:00-06:00} or
 * {@code 22:00-06:00 Europe/Paris} ({@link ScheduleWindow}): ticks outside it start no
 * run, and a run still going at its end stops, resumably, to be resumed by the next tick
 * inside it; absent: runs go at any time
 */
public record ScheduleSpec(@Nullable String cron, @Nullable Instant until, @Nullable Integer maxRuns,
		@Nullable String window) {

}
