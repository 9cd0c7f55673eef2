package io.github.s3bulkcopy.batch;

import java.time.Instant;
import java.util.List;

import io.github.s3bulkcopy.copy.LandedVersions;
import io.github.s3bulkcopy.copy.ObjectCopier;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.PlannedObject;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * What keeps a resumed run that copies every version from copying a version twice: each
 * chunk's start is committed to the ledger before its copies begin, and the chunk's
 * transaction, which an interruption rolls back, records their outcomes; on resume the
 * rows still pending but started are looked for at the destination
 * ({@link LandedVersions}).
 */
class VersionJournal {

	private final JdbcLedger ledger;

	private final TransactionTemplate ownTransactions;

	private final S3AsyncClient destinationClient;

	private final String destinationBucket;

	private final ObjectCopier copier;

	/**
	 * @param ownTransactions starts transactions of its own, apart from the chunk's
	 */
	public VersionJournal(JdbcLedger ledger, TransactionTemplate ownTransactions, S3AsyncClient destinationClient,
			String destinationBucket, ObjectCopier copier) {
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(ownTransactions, "ownTransactions is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.hasText(destinationBucket, "destinationBucket is required");
		Assert.notNull(copier, "copier is required");
		this.ledger = ledger;
		this.ownTransactions = ownTransactions;
		this.destinationClient = destinationClient;
		this.destinationBucket = destinationBucket;
		this.copier = copier;
	}

	/** Commits that the chunk's copies begin now. */
	void attempting(long runId, List<? extends PlannedObject> chunk) {
		Instant now = Instant.now();
		this.ownTransactions.executeWithoutResult((status) -> this.ledger.markAttempted(runId, chunk, now));
	}

	/**
	 * Finds, for a run, the copies an interrupted attempt made without recording them.
	 */
	LandedVersions landed(long runId) {
		return new LandedVersions(this.destinationClient, this.destinationBucket, this.copier,
				(version) -> this.ledger.destinationVersionBefore(runId, version.seq(), version.sourceKey()));
	}

}
