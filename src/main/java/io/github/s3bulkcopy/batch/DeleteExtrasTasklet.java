package io.github.s3bulkcopy.batch;

import java.util.List;

import io.github.s3bulkcopy.copy.ExtraDeleter;
import io.github.s3bulkcopy.ledger.DestinationExtras;
import io.github.s3bulkcopy.ledger.ExtraCounts;
import io.github.s3bulkcopy.ledger.ExtraObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * The {@code delete-extras} step of a mirror ({@code copy.delete-extraneous}): deletes
 * the run's extras, unless there are more than {@code copy.max-deletes}, in which case it
 * deletes none (the extras stay FOUND, and the run exits 6). Each DeleteObjects request's
 * outcome commits on its own, so a run killed half way resumes with the extras still
 * FOUND and forgets none it deleted; a request whose outcome was not recorded is sent
 * again, which deletes nothing more (on a versioned destination, it adds a second delete
 * marker to those keys).
 */
class DeleteExtrasTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(DeleteExtrasTasklet.class);

	private final DestinationExtras extras;

	private final ExtraDeleter deleter;

	private final long maxDeletes;

	private final TransactionTemplate ownTransactions;

	/**
	 * @param ownTransactions commits each request's outcome apart from the step's
	 * transaction
	 */
	DeleteExtrasTasklet(DestinationExtras extras, ExtraDeleter deleter, long maxDeletes,
			TransactionTemplate ownTransactions) {
		Assert.notNull(extras, "extras is required");
		Assert.notNull(deleter, "deleter is required");
		Assert.notNull(ownTransactions, "ownTransactions is required");
		this.extras = extras;
		this.deleter = deleter;
		this.maxDeletes = maxDeletes;
		this.ownTransactions = ownTransactions;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long runId = chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getJobInstance()
			.getInstanceId();
		ExtraCounts counts = this.extras.counts(runId);
		if (counts.total() > this.maxDeletes) {
			logger.warn("Not deleting: {} destination object(s) are not in the plan, more than copy.max-deletes ({})",
					counts.total(), this.maxDeletes);
			return RepeatStatus.FINISHED;
		}
		long after = 0;
		while (true) {
			List<ExtraObject> batch = this.extras.found(runId, after, ExtraDeleter.MAX_KEYS);
			if (batch.isEmpty()) {
				break;
			}
			List<ExtraObject> done = this.deleter.delete(batch);
			this.ownTransactions.executeWithoutResult((status) -> this.extras.record(runId, done));
			after = batch.get(batch.size() - 1).seq();
		}
		ExtraCounts result = this.extras.counts(runId);
		logger.info("Deleted {} destination object(s) not in the plan; {} deletion(s) failed", result.deleted(),
				result.failed());
		return RepeatStatus.FINISHED;
	}

}
