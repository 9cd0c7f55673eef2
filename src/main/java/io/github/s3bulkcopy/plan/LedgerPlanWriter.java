package io.github.s3bulkcopy.plan;

import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.KeyMapping;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.manifest.ManifestEntry;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.util.Assert;

/**
 * The plan step's writer: numbers manifest entries densely and inserts them into the
 * ledger, one batch per chunk. The last number is saved with each chunk's commit, so a
 * resumed plan continues the numbering exactly where the committed rows end.
 */
class LedgerPlanWriter implements ItemWriter<ManifestEntry>, ItemStream, StepExecutionListener {

	static final String LAST_SEQ_KEY = "plan.lastSeq";

	private final JdbcLedger ledger;

	private final KeyMapping keys;

	private long runId = -1;

	private long lastSeq;

	public LedgerPlanWriter(JdbcLedger ledger, KeyMapping keys) {
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(keys, "keys is required");
		this.ledger = ledger;
		this.keys = keys;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
	}

	@Override
	public void open(ExecutionContext context) {
		this.lastSeq = context.getLong(LAST_SEQ_KEY, 0L);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LAST_SEQ_KEY, this.lastSeq);
	}

	@Override
	public void write(Chunk<? extends ManifestEntry> chunk) {
		Assert.state(this.runId >= 0, "the plan writer was not told its run");
		List<PlannedObject> planned = new ArrayList<>(chunk.size());
		long seq = this.lastSeq;
		for (ManifestEntry entry : chunk) {
			seq++;
			planned.add(new PlannedObject(seq, entry.bucket(), entry.key(), entry.versionId(), entry.size(),
					entry.etag(), entry.checksumAlgorithm(), entry.storageClass(), entry.encryptionStatus(),
					this.keys.destinationKey(entry.key()), entry.lastModified(), entry.latest(), entry.deleteMarker(),
					null));
		}
		this.ledger.insertPlanned(this.runId, planned);
		this.lastSeq = seq;
	}

}
