package io.github.s3bulkcopy;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the process, as opposed to a job's (which are in its job file): Spring
 * properties under {@code s3bulkcopy.}, set as {@code -Ds3bulkcopy.idle-timeout=5m} (in
 * {@code S3_BULK_COPY_JAVA_OPTS} with the launcher), in the environment
 * ({@code S3BULKCOPY_IDLE_TIMEOUT=5m}) or in an {@code application.properties}. Checked
 * when a command starts: a value a setting does not take ends the command with exit code
 * 2, naming the setting.
 *
 * @param httpClient the HTTP client of the copy's S3 requests: {@code auto} (the
 * CRT-based client for server-side copies, Netty for streamed ones), {@code crt} or
 * {@code netty} (docs/operations.md)
 * @param idleTimeout how long a request may go without a byte moving before its
 * connection is closed and the attempt retried; whole seconds, at least 2s
 * @param credentials when role credentials are renewed
 * @param lock when a job's lock counts as abandoned
 * @param batchOperations how often S3 Batch Operations jobs are polled
 * @param worker when a worker of a distributed run counts as gone
 * @param distributed how a distributed run's manager follows its partitions
 */
@ConfigurationProperties("s3bulkcopy")
public record ProcessSettings(@DefaultValue("auto") String httpClient, @DefaultValue("30s") Duration idleTimeout,
		@DefaultValue Credentials credentials, @DefaultValue Lock lock, @DefaultValue BatchOperations batchOperations,
		@DefaultValue Worker worker, @DefaultValue Distributed distributed) {

	private static final Set<String> HTTP_CLIENTS = Set.of("auto", "crt", "netty");

	/** The settings every property at its default. */
	public static final ProcessSettings DEFAULTS = new ProcessSettings("auto", Duration.ofSeconds(30),
			new Credentials(Duration.ofMinutes(1), Duration.ofMinutes(5)), new Lock(Duration.ofSeconds(30)),
			new BatchOperations(Duration.ofSeconds(5), Duration.ofSeconds(60)), new Worker(Duration.ofSeconds(30)),
			new Distributed(Duration.ofSeconds(2), Duration.ofSeconds(5)));

	public ProcessSettings {
		if (!HTTP_CLIENTS.contains(httpClient.strip().toLowerCase(Locale.ROOT))) {
			throw new InvalidSetupException(
					"s3bulkcopy.http-client must be auto, crt or netty, not '" + httpClient + "'");
		}
		httpClient = httpClient.strip().toLowerCase(Locale.ROOT);
		// The CRT-based client's health check counts whole seconds, from 2.
		if (idleTimeout.getSeconds() < 2 || idleTimeout.getNano() != 0) {
			throw new InvalidSetupException("s3bulkcopy.idle-timeout must be a duration of whole seconds, at least "
					+ "2s (such as 30s or 5m), not " + idleTimeout.toMillis() + "ms");
		}
	}

	/**
	 * When role credentials are renewed (the SDK's own defaults).
	 *
	 * @param staleTime how long before expiry credentials stop being used (callers wait
	 * for fresh ones)
	 * @param prefetchTime how long before expiry a background refresh starts; not shorter
	 * than {@code staleTime}
	 */
	public record Credentials(@DefaultValue("1m") Duration staleTime, @DefaultValue("5m") Duration prefetchTime) {

		public Credentials {
			positive("s3bulkcopy.credentials.stale-time", staleTime);
			positive("s3bulkcopy.credentials.prefetch-time", prefetchTime);
			if (prefetchTime.compareTo(staleTime) < 0) {
				throw new InvalidSetupException("s3bulkcopy.credentials.prefetch-time (" + prefetchTime.toSeconds()
						+ "s) must not be shorter than s3bulkcopy.credentials.stale-time (" + staleTime.toSeconds()
						+ "s)");
			}
		}

	}

	/**
	 * @param staleAfter how long without a heartbeat before a job's lock, and the run it
	 * guards, count as left by a process that is gone (one on another machine; one on
	 * this machine is checked directly)
	 */
	public record Lock(@DefaultValue("30s") Duration staleAfter) {

		public Lock {
			positive("s3bulkcopy.lock.stale-after", staleAfter);
		}

	}

	/**
	 * @param pollInterval how long after submitting an S3 Batch Operations job its status
	 * is first asked for, and again after each change
	 * @param maxPollInterval the longest wait between two polls while nothing changes
	 */
	public record BatchOperations(@DefaultValue("5s") Duration pollInterval,
			@DefaultValue("60s") Duration maxPollInterval) {

		public BatchOperations {
			positive("s3bulkcopy.batch-operations.poll-interval", pollInterval);
			positive("s3bulkcopy.batch-operations.max-poll-interval", maxPollInterval);
			if (maxPollInterval.compareTo(pollInterval) < 0) {
				throw new InvalidSetupException("s3bulkcopy.batch-operations.max-poll-interval must not be shorter "
						+ "than s3bulkcopy.batch-operations.poll-interval");
			}
		}

	}

	/**
	 * @param staleAfter how long without a heartbeat before a worker of a distributed run
	 * counts as gone, and its partition may be taken over
	 */
	public record Worker(@DefaultValue("30s") Duration staleAfter) {

		public Worker {
			positive("s3bulkcopy.worker.stale-after", staleAfter);
		}

	}

	/**
	 * @param pollInterval how often the manager of a distributed run reads its
	 * partitions' state from the job database
	 * @param watchdogPeriod how often the manager looks for partitions whose worker is
	 * gone, and for failures past {@code copy.max-failures} across workers
	 */
	public record Distributed(@DefaultValue("2s") Duration pollInterval, @DefaultValue("5s") Duration watchdogPeriod) {

		public Distributed {
			positive("s3bulkcopy.distributed.poll-interval", pollInterval);
			positive("s3bulkcopy.distributed.watchdog-period", watchdogPeriod);
		}

	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidSetupException(property + " must be a positive duration (such as 30s), not " + value);
		}
	}

}
