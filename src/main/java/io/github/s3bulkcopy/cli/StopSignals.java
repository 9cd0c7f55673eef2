package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.s3bulkcopy.ExitCodes;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and Ctrl-C (SIGINT) during a run: the first asks the run to stop at its next
 * chunk boundary, so the process ends STOPPED with exit code 3 and the run resumes
 * cleanly; a second one ends the process at once, leaving the run as a kill would (a
 * resume recovers it). Uses {@code sun.misc.Signal} (module jdk.unsupported) because a
 * shutdown hook cannot let the run finish its chunk and still choose the exit code.
 */
final class StopSignals implements AutoCloseable {

	private final AtomicBoolean requested = new AtomicBoolean();

	private final SignalHandler previousTerm;

	private final SignalHandler previousInt;

	private StopSignals(Runnable stop, PrintWriter err) {
		SignalHandler handler = (signal) -> {
			if (this.requested.compareAndSet(false, true)) {
				err.println("SIG" + signal.getName() + ": stopping after the chunks in flight (again to quit now)");
				err.flush();
				new Thread(stop, "stop-request").start();
			}
			else {
				err.println("SIG" + signal.getName() + " again: quitting now; the run resumes like after a kill");
				err.flush();
				Runtime.getRuntime().halt(ExitCodes.RESUMABLE);
			}
		};
		this.previousTerm = Signal.handle(new Signal("TERM"), handler);
		this.previousInt = Signal.handle(new Signal("INT"), handler);
	}

	/** Installs the handlers until closed. */
	static StopSignals install(Runnable stop, PrintWriter err) {
		return new StopSignals(stop, err);
	}

	@Override
	public void close() {
		Signal.handle(new Signal("TERM"), this.previousTerm);
		Signal.handle(new Signal("INT"), this.previousInt);
	}

}
