package io.github.s3bulkcopy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FuturesTests {

	@Test
	void startsTheWorkOnADaemonThreadOfItsOwnName() {
		Thread thread = Futures.join(Futures.supplyOnOwnThread("named-work", Thread::currentThread));
		String[] ran = new String[1];
		Futures.join(Futures.runOnOwnThread("other-work", () -> ran[0] = Thread.currentThread().getName()));

		assertThat(thread.getName()).isEqualTo("named-work");
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread).isNotSameAs(Thread.currentThread());
		assertThat(ran[0]).isEqualTo("other-work");
	}

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
