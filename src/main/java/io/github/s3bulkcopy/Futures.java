package io.github.s3bulkcopy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for work started on another thread, so that what it threw reaches the caller as
 * if the caller had done the work itself: the exit code and the message of a failure come
 * from the error, not from a {@link CompletionException} around it. The JDK and Spring
 * have no such join.
 */
public final class Futures {

	private Futures() {
	}

	/**
	 * The future's value once it is done; what its work threw, unwrapped, if it failed.
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
