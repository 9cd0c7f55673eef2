package io.github.s3bulkcopy.distributed;

import java.util.List;

import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.batch.CopyProgress.Totals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionProgressTests {

	@AfterEach
	void release() {
		StepSynchronizationManager.close();
	}

	@Test
	void aWorkersChunksAddUpInThePartitionTheThreadRuns() {
		StepExecution partition = partition(1);
		StepSynchronizationManager.register(partition);

		PartitionProgress.addToCurrentPartition(new Totals(20, 18, 1, 1, 0, 0, 0, 1800, 2000));
		PartitionProgress.addToCurrentPartition(new Totals(20, 20, 0, 0, 0, 0, 0, 2000, 2000));

		assertThat(PartitionProgress.read(partition.getExecutionContext()))
			.isEqualTo(new Totals(40, 38, 1, 1, 0, 0, 0, 3800, 4000));
	}

	@Test
	void theManagerCountsWhatThePartitionsRecordedOnceAndNeverBackwards() {
		CopyProgress manager = new CopyProgress();
		PartitionProgress progress = new PartitionProgress(manager);
		StepExecution first = partition(1);
		StepExecution second = partition(2);
		assertThat(manager.runId()).isEqualTo(-1);

		StepSynchronizationManager.register(first);
		PartitionProgress.addToCurrentPartition(new Totals(20, 19, 0, 1, 0, 0, 0, 1900, 2000));
		StepSynchronizationManager.close();
		StepSynchronizationManager.register(second);
		PartitionProgress.addToCurrentPartition(new Totals(20, 20, 0, 0, 0, 0, 0, 2000, 2000));
		progress.update(List.of(first, second));
		progress.update(List.of(first, second));

		assertThat(manager.runId()).as("the copy has begun").isEqualTo(7);
		assertThat(manager.totals()).isEqualTo(new Totals(40, 39, 0, 1, 0, 0, 0, 3900, 4000));

		// a partition read back with less than before (a chunk counted, then rolled back)
		second.getExecutionContext().put("s3bulkcopy.progress.objects", 0L);
		progress.update(List.of(first, second));
		assertThat(manager.objects()).isEqualTo(40);
	}

	private static StepExecution partition(long id) {
		JobExecution job = new JobExecution(1L, new JobInstance(1L, "job"), new JobParameters());
		StepExecution partition = new StepExecution(id, "copy-partition:partition" + id, job);
		partition.getExecutionContext().putLong("runId", 7);
		return partition;
	}

}
