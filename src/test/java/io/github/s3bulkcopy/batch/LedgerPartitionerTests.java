package io.github.s3bulkcopy.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerPartitionerTests {

	private JdbcLedger ledger;

	@BeforeEach
	void database() {
		this.ledger = new JdbcLedger(LedgerDatabase.create());
	}

	@Test
	void rangesCoverEverySequenceNumberExactlyOnce() {
		plan(7, 1003);
		Map<String, ExecutionContext> partitions = new LedgerPartitioner(this.ledger, 7).partition(8);
		assertThat(partitions).hasSize(8);
		long expectedNext = 1;
		for (ExecutionContext context : partitions.values()) {
			assertThat(context.getLong("runId")).isEqualTo(7);
			assertThat(context.getLong("minSeq")).isEqualTo(expectedNext);
			expectedNext = context.getLong("maxSeq") + 1;
		}
		assertThat(expectedNext).isEqualTo(1004);
	}

	@Test
	void fewerObjectsThanPartitionsGivesOnePartitionPerObject() {
		plan(1, 3);
		assertThat(new LedgerPartitioner(this.ledger, 1).partition(8)).hasSize(3);
	}

	@Test
	void anEmptyPlanGivesOneEmptyPartition() {
		Map<String, ExecutionContext> partitions = new LedgerPartitioner(this.ledger, 9).partition(8);
		assertThat(partitions).hasSize(1);
		ExecutionContext only = partitions.values().iterator().next();
		assertThat(only.getLong("maxSeq")).isLessThan(only.getLong("minSeq"));
	}

	@Test
	void runsDoNotSeeEachOthersRows() {
		plan(1, 10);
		plan(2, 50);
		assertThat(this.ledger.maxSeq(1)).isEqualTo(10);
		assertThat(this.ledger.counts(2).total()).isEqualTo(50);
	}

	private void plan(long runId, int count) {
		List<PlannedObject> objects = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			objects.add(new PlannedObject(i, "b", "k" + i, null, 1L, null, null, null, null, "k" + i));
		}
		this.ledger.insertPlanned(runId, objects);
	}

}
