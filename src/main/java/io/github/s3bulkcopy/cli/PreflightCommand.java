package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.clients.BucketTermsInterceptor;
import io.github.s3bulkcopy.clients.S3ClientFactory;
import io.github.s3bulkcopy.jobfile.CopyMode;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.preflight.Check;
import io.github.s3bulkcopy.preflight.Preflight;
import io.github.s3bulkcopy.preflight.PreflightReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code preflight --job FILE [--write-test]}: checks credentials and buckets before a
 * run.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
		description = { "Check that a job's credentials and buckets work before running it: for each side, assume the "
				+ "role (or resolve the profile) and print the identity (STS GetCallerIdentity), check the bucket "
				+ "(HeadBucket, region, versioning), read the source (ListObjectsV2 of one key, HeadObject of it) "
				+ "and, with --write-test, write the destination (put and delete a marker object). For a server-side "
				+ "copy between two principals, also that the destination's can read the source.",
				"Each check prints PASS, FAIL, SKIP or INFO; a failure says its likely cause and fix. Exit code 0 when "
						+ "no check failed, 1 when one did, 2 for an invalid job file." })
class PreflightCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Option(names = "--write-test", description = "Also put and delete a marker object ("
			+ "<destination prefix>.s3-bulk-copy-preflight-<uuid>) " + "in the destination.")
	boolean writeTest;

	@Override
	public Integer call() {
		JobFile jobFile = this.jobOptions.load();
		PrintWriter out = this.spec.commandLine().getOut();
		PreflightReport report;
		try (S3ClientFactory factory = new S3ClientFactory(List.of(BucketTermsInterceptor.of(jobFile.spec())))) {
			report = new Preflight(jobFile.spec(), factory).run(this.writeTest);
		}
		out.printf("Preflight of job %s (copy mode: %s)%n", jobFile.spec().name(),
				CopyMode.resolve(jobFile.spec()).name().toLowerCase(Locale.ROOT).replace('_', '-'));
		for (PreflightReport.Section section : report.sections()) {
			out.println(section.title());
			for (Check check : section.checks()) {
				out.printf("  %-4s  %s: %s%n", check.status(), check.name(), check.detail());
				if (check.fix() != null) {
					out.println("        likely cause and fix: " + check.fix());
				}
			}
		}
		out.println(report.passed() ? "Result: PASS, no check failed" : "Result: FAIL, see the checks marked FAIL");
		out.flush();
		return report.passed() ? 0 : 1;
	}

}
