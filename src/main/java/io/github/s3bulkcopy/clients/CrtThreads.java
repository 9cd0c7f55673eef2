package io.github.s3bulkcopy.clients;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import software.amazon.awssdk.crt.CrtResource;

/**
 * Ends the native threads of the AWS Common Runtime (its shared event loops and host
 * resolver) before the JVM exits, in a process that built a CRT-based HTTP client.
 *
 * <p>
 * Why: left running, they made every exit of such a process 0.3 to 1.3 s slower (strace
 * and {@code -Xlog:os+thread} on a 20,000-object copy: the JVM waits up to 300 ms for
 * threads in native code before it exits; the CRT's exit handler then joins its threads
 * for up to 1 s, and when one of them had attached to the dying JVM, which happened in
 * about half the runs, it waited that whole second). Ended while the JVM still runs, they
 * finish at once.
 */
public final class CrtThreads {

	private static final AtomicBoolean started = new AtomicBoolean();

	private CrtThreads() {
	}

	/** Called when a CRT-based client is built: its event loops run from then on. */
	static void started() {
		started.set(true);
	}

	/**
	 * Closes the CRT's shared event loops and host resolver and waits, at most
	 * {@code limit}, for their threads to end. Only once every CRT-based client is
	 * closed; a later client would start them again. Does nothing (and does not load the
	 * native library) in a process that built none.
	 * @return whether they ended within the limit (or never ran)
	 */
	public static boolean end(Duration limit) {
		if (!started.getAndSet(false)) {
			return true;
		}
		// The CRT's own wait (for its tests) allows 60 s if a resource was left open; a
		// daemon thread bounds it here,
		// and the CRT's exit handler still makes its own one-second attempt.
		Thread ending = new Thread(CrtThreads::waitForNoResources, "crt-threads-end");
		ending.setDaemon(true);
		ending.start();
		try {
			ending.join(Math.max(1, limit.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !ending.isAlive();
	}

	private static void waitForNoResources() {
		try {
			CrtResource.waitForNoResources();
		}
		catch (LinkageError ex) {
			// The CRT's library never loaded (the client's build failed on it): no
			// threads to end, and that failure has been reported where it happened.
		}
	}

}
