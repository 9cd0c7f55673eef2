package io.github.s3bulkcopy.distributed;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static io.github.s3bulkcopy.distributed.PartitionGuard.Decision.DROP;
import static io.github.s3bulkcopy.distributed.PartitionGuard.Decision.RUN;
import static io.github.s3bulkcopy.distributed.PartitionGuard.Decision.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

class PartitionGuardTests {

	private static final String SELF = "1@here";

	@Test
	void anEndedPartitionIsDropped() {
		for (BatchStatus status : new BatchStatus[] { BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED,
				BatchStatus.ABANDONED }) {
			assertThat(decide(status, true, true, null, false, false)).as(status.name()).isEqualTo(DROP);
		}
	}

	@Test
	void aPartitionOfARunThatNoLongerRunsOrWasReplacedIsDropped() {
		assertThat(decide(BatchStatus.STARTING, false, true, null, false, false)).isEqualTo(DROP);
		assertThat(decide(BatchStatus.STARTED, true, false, "2@there", true, false)).isEqualTo(DROP);
	}

	@Test
	void aPartitionNobodyOwnsOrThisWorkerOwnsIsRun() {
		assertThat(decide(BatchStatus.STARTING, true, true, null, false, false)).isEqualTo(RUN);
		assertThat(decide(BatchStatus.STARTED, true, true, SELF, false, false)).isEqualTo(RUN);
	}

	@Test
	void aPartitionRunningInThisWorkerAlreadyIsADuplicate() {
		assertThat(decide(BatchStatus.STARTED, true, true, SELF, false, true)).isEqualTo(DROP);
	}

	@Test
	void aPartitionOfAGoneWorkerIsTakenOverAndOneOfALiveWorkerWaitedFor() {
		assertThat(decide(BatchStatus.STARTED, true, true, "2@there", true, false)).isEqualTo(RUN);
		assertThat(decide(BatchStatus.STARTED, true, true, "2@there", false, false)).isEqualTo(WAIT);
	}

	@Test
	void aRequestIsTextWithTheStepExecutionIdOnly() {
		var request = PartitionRequests.parse(PartitionRequests
			.format(new org.springframework.batch.integration.partition.StepExecutionRequest("copy-partition", 4711L)));
		assertThat(request.getStepName()).isEqualTo("copy-partition");
		assertThat(request.getStepExecutionId()).isEqualTo(4711L);
		assertThat(PartitionRequests.queue("logs-to-b")).isEqualTo("s3bulkcopy.logs-to-b.partitions");
	}

	private static PartitionGuard.Decision decide(BatchStatus status, boolean jobRunning, boolean latest, String owner,
			boolean ownerGone, boolean runningHere) {
		return PartitionGuard
			.decide(new PartitionGuard.Partition(status, jobRunning, latest, owner, ownerGone, runningHere), SELF);
	}

}
