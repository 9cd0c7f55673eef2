package io.github.s3bulkcopy.preflight;

import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.clients.S3ClientFactory;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.CopyMode;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.util.Assert;

/**
 * Checks, before a run, that a job's credentials and buckets work, the way the run will
 * use them: per side, the identity (assuming the role), the bucket, then reading the
 * source or (only when asked) writing the destination; for a server-side copy between two
 * principals, that the destination's can read the source. A check whose prerequisite
 * failed is skipped, so the first failure is the one to fix.
 */
public class Preflight {

	private final JobSpec job;

	private final S3ClientFactory factory;

	public Preflight(JobSpec job, S3ClientFactory factory) {
		Assert.notNull(job, "job is required");
		Assert.notNull(factory, "factory is required");
		this.job = job;
		this.factory = factory;
	}

	/**
	 * Runs every check; with {@code writeTest}, puts and deletes a marker object in the
	 * destination.
	 */
	public PreflightReport run(boolean writeTest) {
		List<PreflightReport.Section> sections = new ArrayList<>();
		try (S3Client source = this.factory.syncClient(this.job.source(), this.job.copy().maxAttempts());
				S3Client destination = this.factory.syncClient(this.job.destination(), this.job.copy().maxAttempts())) {
			List<Check> sourceChecks = new ArrayList<>();
			String sourcePrincipal = IdentityCheck.run(this.job.source(), this.factory.credentials(this.job.source()),
					sourceChecks);
			String sampleKey = null;
			if (sourcePrincipal == null) {
				sourceChecks.add(Check.skip("bucket, read", "the source's credentials do not work"));
			}
			else if (BucketChecks.bucket(source, this.job.source(), "source", sourcePrincipal, sourceChecks)) {
				sampleKey = BucketChecks.read(source, this.job.source(), sourcePrincipal, sourceChecks);
				CarryChecks.website(source, this.job.source().bucket(), sourcePrincipal, sourceChecks);
			}
			String location = this.job.manifest().location();
			if (sourcePrincipal != null && location != null && location.startsWith("s3://")) {
				BucketChecks.manifest(source, location, sourcePrincipal, sourceChecks);
			}
			sections.add(new PreflightReport.Section(title("source", this.job.source()), sourceChecks));

			List<Check> destinationChecks = new ArrayList<>();
			String destinationPrincipal = IdentityCheck.run(this.job.destination(),
					this.factory.credentials(this.job.destination()), destinationChecks);
			if (destinationPrincipal == null) {
				destinationChecks.add(Check.skip("bucket, write", "the destination's credentials do not work"));
			}
			else if (BucketChecks.bucket(destination, this.job.destination(), "destination", destinationPrincipal,
					destinationChecks)) {
				CarryChecks.objectLock(destination, this.job.destination().bucket(), destinationPrincipal,
						destinationChecks);
				if (writeTest) {
					BucketChecks.write(destination, this.job.destination(), destinationPrincipal, destinationChecks);
				}
				else {
					destinationChecks.add(Check.skip("write", "not tested: add --write-test to put and delete a marker "
							+ "object under the destination prefix"));
				}
			}
			serverSide(destination, destinationPrincipal, sampleKey, destinationChecks);
			sections.add(new PreflightReport.Section(title("destination", this.job.destination()), destinationChecks));
		}
		return new PreflightReport(sections);
	}

	private void serverSide(S3Client destination, @Nullable String principal, @Nullable String sampleKey,
			List<Check> checks) {
		boolean serverSide = CopyMode.resolve(this.job) == CopyMode.SERVER_SIDE;
		if (!serverSide || CopyMode.sameIdentity(this.job.source(), this.job.destination())) {
			return;
		}
		if (principal == null || sampleKey == null) {
			checks.add(Check.skip("server-side read", "needs working destination credentials and a source object"));
			return;
		}
		BucketChecks.serverSideRead(destination, this.job.source().bucket(), sampleKey, principal, checks);
	}

	private static String title(String name, BucketSide side) {
		CredentialsSpec credentials = side.credentials();
		String who = (credentials.roleArn() != null) ? "role " + credentials.roleArn()
				: (credentials.profile() != null) ? "profile " + credentials.profile() : "default credential chain";
		return name + " s3://" + side.bucket() + "/" + side.prefix() + " (" + who + ")";
	}

}
