package io.github.s3bulkcopy.run;

import java.time.Instant;

import io.github.s3bulkcopy.copy.MultipartJanitor;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * Readies an unfinished run for its resume: failed objects get another try, and multipart
 * uploads an earlier, killed attempt left in the destination for objects still to be
 * copied are aborted.
 */
class ResumeCleanup {

	private static final Logger logger = LoggerFactory.getLogger(ResumeCleanup.class);

	private final JdbcLedger ledger;

	private final MultipartJanitor janitor;

	private final String destinationPrefix;

	public ResumeCleanup(JdbcLedger ledger, MultipartJanitor janitor, String destinationPrefix) {
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(janitor, "janitor is required");
		this.ledger = ledger;
		this.janitor = janitor;
		this.destinationPrefix = destinationPrefix;
	}

	public void prepare(long runId) {
		int reset = this.ledger.resetFailed(runId);
		if (reset > 0) {
			logger.info("{} object(s) that failed before will be tried again", reset);
		}
		this.janitor.abortLeftovers(this.destinationPrefix, (key) -> this.ledger.isPendingDestination(runId, key),
				Instant.now());
	}

}
