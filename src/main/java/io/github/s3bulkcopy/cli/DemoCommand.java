package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.demo.Demo;
import io.github.s3bulkcopy.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the copy job for real against a local S3 server. */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Run the copy job for real on this machine with nothing but Java: start a local S3 server "
				+ "(S3Proxy, fetched by the build) on 127.0.0.1, create a source bucket with sample objects (awkward "
				+ "keys, an empty object, one above a lowered multipart threshold) and an S3 Inventory report of them, "
				+ "copy and verify them, print the summary and the report path, and stop the server.",
				"The run is recorded in the default job database (./data) as job 'demo'; its report goes to "
						+ "./reports/demo/." })
class DemoCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--objects", defaultValue = "300", paramLabel = "N",
			description = "How many small sample objects to create (default ${DEFAULT-VALUE}).")
	int objects;

	@Option(names = "--work-dir", defaultValue = "data/demo", paramLabel = "DIR",
			description = "Where the demo writes its job file (default ${DEFAULT-VALUE}).")
	Path workDir;

	@Override
	public Integer call() throws Exception {
		if (this.objects < 0 || this.objects > 100_000) {
			throw new UsageException("--objects must be between 0 and 100000");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		RunResult result = new Demo(this.workDir, this.objects, out).run();
		RunPrinter.printResult(out, result);
		return result.exitCode();
	}

}
