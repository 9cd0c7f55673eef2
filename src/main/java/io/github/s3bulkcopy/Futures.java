package io.github.s3bulkcopy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

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
	 * Starts {@code work} on a daemon thread named {@code name}: a command that ends
	 * without waiting for it does not wait.
	 */
	public static <T> CompletableFuture<T> supplyOnOwnThread(String name, Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, ownThread(name));
	}

	/** As {@link #supplyOnOwnThread}, for work without a value. */
	public static CompletableFuture<Void> runOnOwnThread(String name, Runnable work) {
		return CompletableFuture.runAsync(work, ownThread(name));
	}

	private static Executor ownThread(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			thread.start();
		};
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
