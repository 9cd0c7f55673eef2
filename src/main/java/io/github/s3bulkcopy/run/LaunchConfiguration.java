package io.github.s3bulkcopy.run;

import io.github.s3bulkcopy.ProcessSettings;
import io.github.s3bulkcopy.clients.S3ClientFactory;
import io.github.s3bulkcopy.copy.MultipartJanitor;
import io.github.s3bulkcopy.credentials.CallerIdentities;
import io.github.s3bulkcopy.jobfile.DestinationSpec;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.ReportSpec;
import io.github.s3bulkcopy.ledger.DestinationExtras;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.metrics.RequestCounter;
import io.github.s3bulkcopy.metrics.RetryCounter;
import io.github.s3bulkcopy.pacing.AdaptiveSlots;
import io.github.s3bulkcopy.plan.DryRun;
import io.github.s3bulkcopy.plan.ManifestChoice;
import io.github.s3bulkcopy.report.ReportUploader;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starting, resuming and reporting runs of the job file's job. Wiring only. */
@Configuration(proxyBeanMethods = false)
class LaunchConfiguration {

	/**
	 * Reports runs; an {@code s3://} report location is written with the destination
	 * side's credentials.
	 */
	@Bean
	LedgerRunReporter runReporter(JobFile jobFile, JdbcLedger ledger, JobRepository jobRepository,
			RetryCounter retryCounter, S3ClientFactory s3ClientFactory, RequestCounter requestCounter,
			DestinationExtras destinationExtras, AdaptiveSlots adaptiveSlots) {
		ReportSpec report = jobFile.spec().report();
		ReportUploader uploader = null;
		if (report.isS3()) {
			DestinationSpec destination = jobFile.spec().destination();
			uploader = new ReportUploader(s3ClientFactory.syncClient(destination, jobFile.spec().copy().maxAttempts()),
					report.bucket(), (report.sseKmsKeyId() != null) ? report.sseKmsKeyId() : destination.sseKmsKeyId());
		}
		return new LedgerRunReporter(jobFile, ledger, jobRepository, retryCounter, uploader,
				new CallerIdentities(s3ClientFactory), requestCounter,
				jobFile.spec().copy().deleteExtraneous() ? destinationExtras : null, adaptiveSlots.limit());
	}

	@Bean
	RunLauncher runLauncher(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("copyJob") Job copyJob,
			JdbcLedger ledger, JdbcTemplate jdbcTemplate, JobFile jobFile, RunReporter runReporter,
			ProcessSettings settings, ResumeCleanup resumeCleanup, BucketCheck bucketCheck,
			ManifestChoice manifestChoice) {
		return new RunLauncher(jobOperator, jobRepository, copyJob, ledger, jdbcTemplate, jobFile, runReporter,
				settings.lock().staleAfter(), new RunPreparation(bucketCheck, resumeCleanup, manifestChoice));
	}

	@Bean
	ManifestChoice manifestChoice(JobFile jobFile, JobRepository jobRepository,
			@Qualifier("manifestS3") ObjectProvider<S3Client> manifestS3, JdbcLedger ledger) {
		return new ManifestChoice(jobFile.spec(), jobRepository, manifestS3::getObject,
				(runId) -> ledger.counts(runId).restorePending() > 0);
	}

	@Bean
	BucketCheck bucketCheck(JobFile jobFile, @Qualifier("manifestS3") ObjectProvider<S3Client> sourceS3,
			@Qualifier("destinationSyncS3") ObjectProvider<S3Client> destinationS3) {
		return new BucketCheck(jobFile.spec().source(), sourceS3::getObject, jobFile.spec().destination(),
				destinationS3::getObject);
	}

	@Bean
	ResumeCleanup resumeCleanup(JobFile jobFile, JdbcLedger ledger, @Qualifier("destinationSyncS3") S3Client s3) {
		return new ResumeCleanup(ledger, new MultipartJanitor(s3, jobFile.spec().destination().bucket()),
				jobFile.spec().destination().prefix());
	}

	@Bean
	DryRun dryRun(JobOperator jobOperator, @Qualifier("dryRunJob") Job dryRunJob, JdbcLedger ledger,
			ManifestChoice manifestChoice, JobFile jobFile, RequestCounter requestCounter,
			DestinationExtras destinationExtras, AdaptiveSlots adaptiveSlots) {
		return new DryRun(jobOperator, dryRunJob, ledger, manifestChoice, jobFile.spec(), requestCounter)
			.withExtras(destinationExtras);
	}

}
