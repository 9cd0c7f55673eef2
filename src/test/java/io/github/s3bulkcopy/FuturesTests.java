package io.github.s3bulkcopy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FuturesTests {

	@Test
	void givesTheValue() {
		assertThat(Futures.join(CompletableFuture.supplyAsync(() -> "done"))).isEqualTo("done");
	}

	@Test
	void throwsWhatTheWorkThrewUnwrapped() {
		InvalidSetupException failure = new InvalidSetupException("no such bucket");
		StackOverflowError error = new StackOverflowError();

		assertThatExceptionOfType(InvalidSetupException.class)
			.isThrownBy(() -> Futures.join(CompletableFuture.runAsync(() -> {
				throw failure;
			})))
			.isSameAs(failure);
		assertThatExceptionOfType(StackOverflowError.class)
			.isThrownBy(() -> Futures.join(CompletableFuture.runAsync(() -> {
				throw error;
			})))
			.isSameAs(error);
	}

	@Test
	void aCheckedCauseStaysWrapped() {
		IOException cause = new IOException("disk gone");

		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> Futures.join(CompletableFuture.failedFuture(cause)))
			.withCause(cause);
	}

}
