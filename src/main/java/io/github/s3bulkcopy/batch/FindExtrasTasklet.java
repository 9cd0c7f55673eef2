package io.github.s3bulkcopy.batch;

import java.util.function.Supplier;

import io.github.s3bulkcopy.audit.ExtraFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.Assert;

/**
 * The {@code extras} step: lists the destination and records the run's extras
 * ({@link ExtraFinder}). It changes nothing at the destination, so an interrupted search
 * starts over on resume; its rows commit with the step.
 */
public class FindExtrasTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(FindExtrasTasklet.class);

	/**
	 * The job execution context key holding how many unplanned destination objects the
	 * filters left out.
	 */
	static final String LEFT_OUT_KEY = "s3bulkcopy.extras.leftOutByFilters";

	private final Supplier<ExtraFinder> finder;

	/**
	 * @param finder the finder, made when the step first runs (its clients are made then)
	 */
	FindExtrasTasklet(Supplier<ExtraFinder> finder) {
		Assert.notNull(finder, "finder is required");
		this.finder = finder;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		long runId = jobExecution.getJobInstance().getInstanceId();
		ExtraFinder.Result result = this.finder.get().find(runId);
		jobExecution.getExecutionContext().putLong(LEFT_OUT_KEY, result.leftOutByFilters());
		logger.info("{} destination object(s) the plan does not name{}", result.extras(),
				(result.leftOutByFilters() > 0)
						? " (and " + result.leftOutByFilters() + " more the job's filters leave out)" : "");
		return RepeatStatus.FINISHED;
	}

	/**
	 * How many unplanned destination objects the filters left out, as the extras step of
	 * a run counted them.
	 */
	public static long leftOutByFilters(ExecutionContext context) {
		return (context.get(LEFT_OUT_KEY) instanceof Number number) ? number.longValue() : 0;
	}

}
