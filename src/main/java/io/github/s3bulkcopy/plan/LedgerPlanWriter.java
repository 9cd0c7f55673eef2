package io.github.s3bulkcopy.plan;

import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.KeyMapping;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.manifest.ManifestEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
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
 * <p>
 * It also notes whether the plan's order is already the order the report lists rows in
 * ({@link PlannedObject#REPORT_ORDER}; {@link JdbcLedger#streamByKey(long, boolean)}), as
 * a listing's plan is: the report then reads the rows as they are instead of sorting
 * them. The note goes into the job's context when the step ends; a plan resumed after a
 * kill, whose earlier rows this writer did not see, is not noted as ordered.
 */
class LedgerPlanWriter implements ItemWriter<ManifestEntry>, ItemStream, StepExecutionListener {

	static final String LAST_SEQ_KEY = "plan.lastSeq";

	/**
	 * Job context key: true when the plan's rows, in plan order, are in the report's
	 * order.
	 */
	static final String IN_KEY_ORDER_KEY = "plan.inKeyOrder";

	private final JdbcLedger ledger;

	private final KeyMapping keys;

	private long runId = -1;

	private long lastSeq;

	/** Whether a later step renumbers the plan, so its order says nothing at the end. */
	private final boolean renumbered;

	/** Whether every row written so far came after the one before it in key order. */
	private boolean inKeyOrder;

	private @Nullable PlannedObject last;

	public LedgerPlanWriter(JdbcLedger ledger, KeyMapping keys) {
		this(ledger, keys, false);
	}

	/**
	 * @param renumbered whether a later step renumbers the plan (all versions of a key,
	 * oldest first): its order is then not noted
	 */
	public LedgerPlanWriter(JdbcLedger ledger, KeyMapping keys, boolean renumbered) {
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(keys, "keys is required");
		this.ledger = ledger;
		this.keys = keys;
		this.renumbered = renumbered;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
	}

	@Override
	public void open(ExecutionContext context) {
		this.lastSeq = context.getLong(LAST_SEQ_KEY, 0L);
		// Resumed: the rows already planned were not seen here.
		this.inKeyOrder = !this.renumbered && this.lastSeq == 0;
		this.last = null;
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		stepExecution.getJobExecution()
			.getExecutionContext()
			.putString(IN_KEY_ORDER_KEY, Boolean.toString(this.inKeyOrder));
		return null;
	}

	/**
	 * Whether the plan step left a note in {@code jobContext} that the run's rows, in
	 * plan order, are in key order: false when it left none.
	 */
	static boolean inKeyOrder(ExecutionContext jobContext) {
		return "true".equals(jobContext.getString(IN_KEY_ORDER_KEY, "false"));
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
			PlannedObject object = new PlannedObject(seq, entry.bucket(), entry.key(), entry.versionId(), entry.size(),
					entry.etag(), entry.checksumAlgorithm(), entry.storageClass(), entry.encryptionStatus(),
					this.keys.destinationKey(entry.key()), entry.lastModified(), entry.latest(), entry.deleteMarker(),
					null);
			noteOrder(object);
			planned.add(object);
		}
		this.ledger.insertPlanned(this.runId, planned);
		this.lastSeq = seq;
	}

	/**
	 * Compares a row with the one before it in the report's order
	 * ({@link PlannedObject#REPORT_ORDER}); equal pairs keep the plan's order.
	 */
	private void noteOrder(PlannedObject object) {
		if (this.inKeyOrder && this.last != null && PlannedObject.REPORT_ORDER.compare(this.last, object) > 0) {
			this.inKeyOrder = false;
		}
		this.last = object;
	}

}
