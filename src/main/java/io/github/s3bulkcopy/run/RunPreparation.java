package io.github.s3bulkcopy.run;

import io.github.s3bulkcopy.plan.ManifestChoice;

import org.springframework.util.Assert;

/**
 * What happens before a run starts or resumes: both buckets checked, an unfinished run
 * readied for its resume, and the manifest of a new run chosen.
 *
 * @param bucketCheck checks that both buckets are where the job file says
 * @param resumeCleanup retries failed objects and aborts leftover multipart uploads of a
 * resumed run
 * @param manifestChoice picks the manifest of a new run
 */
record RunPreparation(BucketCheck bucketCheck, ResumeCleanup resumeCleanup, ManifestChoice manifestChoice) {

	public RunPreparation {
		Assert.notNull(bucketCheck, "bucketCheck is required");
		Assert.notNull(resumeCleanup, "resumeCleanup is required");
		Assert.notNull(manifestChoice, "manifestChoice is required");
	}

}
