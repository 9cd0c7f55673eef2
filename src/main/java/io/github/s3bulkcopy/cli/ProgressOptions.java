package io.github.s3bulkcopy.cli;

import picocli.CommandLine.Option;

/** How a long command shows its progress; shared by the commands that copy. */
class ProgressOptions {

	@Option(names = { "-q", "--quiet" }, description = "Show no progress while the run goes on.")
	boolean quiet;

	@Option(names = "--progress-interval", paramLabel = "SECONDS",
			defaultValue = "${sys:s3bulkcopy.progress.seconds:-10}",
			description = "When stderr is not a terminal: print a progress line every SECONDS seconds "
					+ "(default ${DEFAULT-VALUE}). On a terminal one line updates in place instead.")
	long intervalSeconds;

}
