package io.github.s3bulkcopy.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.KeyMapping;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.manifest.ManifestEntry;
import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan writer's note that its plan is already in the report's order, and what the
 * report reads with it: the plan's rows as they are when noted, sorted otherwise, the
 * same rows in the same order either way.
 */
class LedgerPlanWriterTests {

	private JdbcLedger ledger;

	@BeforeEach
	void database() {
		this.ledger = new JdbcLedger(LedgerDatabase.create());
	}

	@Test
	void aPlanInKeyOrderIsNotedAndReadAsItIs() {
		// given: keys in String order across chunks, a key's versions with no version
		// first
		List<ManifestEntry> entries = List.of(entry("a/1", null), entry("a/1", "v1"), entry("a/1", "v2"),
				entry("a/10", null), entry("a/2", null), entry("b", null), entry("b", null));

		// when
		ExecutionContext job = plan(1, false, entries.subList(0, 3), entries.subList(3, 7));

		// then
		assertThat(PlanStep.inKeyOrder(job)).isTrue();
		assertThat(keys(this.ledger.streamByKey(1, true))).isEqualTo(keys(this.ledger.streamByKey(1, false)))
			.containsExactly("a/1", "a/1@v1", "a/1@v2", "a/10", "a/2", "b", "b");
	}

	@Test
	void aKeyBeforeTheOneBeforeItAcrossChunksIsNotedAsOutOfOrder() {
		// "a/10" sorts before "a/2"
		ExecutionContext job = plan(2, false, List.of(entry("a/1", null), entry("a/2", null)),
				List.of(entry("a/10", null)));

		assertThat(PlanStep.inKeyOrder(job)).isFalse();
		assertThat(keys(this.ledger.streamByKey(2, false))).containsExactly("a/1", "a/10", "a/2");
		// read as they are, had the note said so: the note is what keeps them sorted
		assertThat(keys(this.ledger.streamByKey(2, true))).containsExactly("a/1", "a/2", "a/10");
	}

	@Test
	void versionsOfAKeyOutOfOrderAreNotedAsOutOfOrder() {
		assertThat(PlanStep.inKeyOrder(plan(3, false, List.of(entry("k", "v2"), entry("k", "v1"))))).isFalse();
		assertThat(PlanStep.inKeyOrder(plan(4, false, List.of(entry("k", "v1"), entry("k", null))))).isFalse();
	}

	@Test
	void keysOutOfStringOrderButInS3sOrderAreNotedAsOutOfOrder() {
		// S3 lists by UTF-8 bytes: U+FF21 before U+1F600; String order puts the
		// surrogate pair (U+D83D U+DE00) first, and so does the report.
		ExecutionContext job = plan(5, false, List.of(entry("x/\uFF21", null), entry("x/\uD83D\uDE00", null)));

		assertThat(PlanStep.inKeyOrder(job)).isFalse();
		assertThat(keys(this.ledger.streamByKey(5, false))).containsExactly("x/\uD83D\uDE00", "x/\uFF21");
	}

	@Test
	void aPlanTheVersionsStepRenumbersOrAResumedPlanIsNotNoted() {
		assertThat(PlanStep.inKeyOrder(plan(6, true, List.of(entry("a", null), entry("b", null))))).isFalse();

		// a plan resumed after a kill: the rows planned before were not seen
		LedgerPlanWriter writer = new LedgerPlanWriter(this.ledger, new KeyMapping("", ""), false);
		StepExecution step = step(7);
		writer.beforeStep(step);
		ExecutionContext resumed = new ExecutionContext();
		resumed.putLong(LedgerPlanWriter.LAST_SEQ_KEY, 5);
		writer.open(resumed);
		writer.write(new Chunk<>(List.of(entry("y", null), entry("z", null))));
		writer.afterStep(step);
		assertThat(PlanStep.inKeyOrder(step.getJobExecution().getExecutionContext())).isFalse();
	}

	@Test
	void aJobContextWithoutANoteIsNotInKeyOrder() {
		assertThat(PlanStep.inKeyOrder(new ExecutionContext())).isFalse();
	}

	@SafeVarargs
	private ExecutionContext plan(long runId, boolean renumbered, List<ManifestEntry>... chunks) {
		LedgerPlanWriter writer = new LedgerPlanWriter(this.ledger, new KeyMapping("", ""), renumbered);
		StepExecution step = step(runId);
		writer.beforeStep(step);
		writer.open(new ExecutionContext());
		for (List<ManifestEntry> chunk : chunks) {
			writer.write(new Chunk<>(new ArrayList<>(chunk)));
		}
		writer.afterStep(step);
		return step.getJobExecution().getExecutionContext();
	}

	private static StepExecution step(long runId) {
		JobExecution execution = MetaDataInstanceFactory.createJobExecution("plan-order", runId, runId,
				new JobParameters());
		return MetaDataInstanceFactory.createStepExecution(execution, "plan", runId);
	}

	private static ManifestEntry entry(String key, @Nullable String versionId) {
		return new ManifestEntry("src", key, versionId, 1L, null, null, null, null, null, "test", null, null, false);
	}

	private static List<String> keys(Stream<LedgerRow> rows) {
		try (rows) {
			return rows
				.map((row) -> row.planned().sourceKey()
						+ ((row.planned().versionId() != null) ? "@" + row.planned().versionId() : ""))
				.toList();
		}
	}

}
