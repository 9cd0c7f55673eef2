package io.github.s3bulkcopy.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import io.github.s3bulkcopy.copy.ChunkCopier;
import io.github.s3bulkcopy.jobfile.FailureThreshold;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import io.github.s3bulkcopy.verify.Verification;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.Chunk;

import static org.assertj.core.api.Assertions.assertThat;

class CopyItemWriterTests {

	private final JdbcLedger ledger = new JdbcLedger(LedgerDatabase.create());

	private final CopyProgress progress = new CopyProgress();

	@Test
	void theProgressShowsTheRunCopyingWhileItsFirstChunkIsStillUnderWay() throws Exception {
		PlannedObject object = new PlannedObject(1, "b", "k", null, 5L, null, null, null, null, "k");
		this.ledger.insertPlanned(3, List.of(object));
		CompletableFuture<ObjectOutcome> copy = new CompletableFuture<>();
		CopyItemWriter writer = new CopyItemWriter(new ChunkCopier((planned) -> copy, new Semaphore(4)), this.ledger, 3,
				this.progress, new FailureGuard(FailureThreshold.NONE));

		CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
			try {
				writer.write(new Chunk<>(List.of(List.of(object))));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.progress.runId() < 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}

		assertThat(this.progress.runId()).as("copying, before any object is done").isEqualTo(3);
		assertThat(this.progress.objects()).isZero();
		assertThat(write).isNotDone();

		copy.complete(new ObjectOutcome(1, ObjectStatus.COPIED, 5L, null, null, null, Verification.notVerified("test"),
				Instant.EPOCH, Instant.EPOCH));
		write.get();
		assertThat(this.progress.objects()).isEqualTo(1);
		assertThat(this.ledger.counts(3).copied()).isEqualTo(1);
	}

}
