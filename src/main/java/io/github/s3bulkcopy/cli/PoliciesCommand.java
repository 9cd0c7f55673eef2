package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.jobfile.CopyMode;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.policies.JobPolicies;
import io.github.s3bulkcopy.policies.PolicyDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policies --job FILE}: the IAM policies the job needs, ready to paste. */
@Command(name = "policies", mixinStandardHelpOptions = true,
		description = { "Print the least-privilege IAM policies this job needs, as JSON documents ready to paste, each "
				+ "with a title saying where it goes: the trust policy of each role, the permission policy of each "
				+ "principal, the source bucket policy for reading across accounts, the KMS key policy statement and "
				+ "read access to an S3 manifest. Reads only the job file: nothing is asked of AWS.",
				"The templates are in config/iam/." })
class PoliciesCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Option(names = "--principal", paramLabel = "ARN",
			description = "The identity that runs s3-bulk-copy and assumes the roles (see 'aws sts get-caller-identity'), "
					+ "for the roles' trust policies. Default: a placeholder to replace.")
	String principal;

	@Override
	public Integer call() {
		JobFile jobFile = this.jobOptions.load();
		PrintWriter out = this.spec.commandLine().getOut();
		List<PolicyDocument> documents = JobPolicies.generate(jobFile.spec(), this.principal);
		out.printf("# IAM policies for job %s (copy mode: %s)%n", jobFile.spec().name(),
				CopyMode.resolve(jobFile.spec()).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		for (String payer : JobPolicies.payers(jobFile.spec())) {
			out.println("# Who pays: " + payer);
		}
		int number = 1;
		for (PolicyDocument document : documents) {
			out.println();
			out.printf("# %d. %s%n", number++, document.title());
			out.printf("#    Where: %s%n", document.where());
			out.println(JobPolicies.json(document));
		}
		if (this.principal == null && documents.stream().anyMatch((d) -> d.title().startsWith("Trust policy"))) {
			out.println();
			out.println("# Replace " + JobPolicies.RUNNER_PLACEHOLDER + ", or pass --principal ARN.");
		}
		out.flush();
		return 0;
	}

}
