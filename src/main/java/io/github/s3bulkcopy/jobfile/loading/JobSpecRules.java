package io.github.s3bulkcopy.jobfile.loading;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.ByteSize;
import io.github.s3bulkcopy.jobfile.Concurrency;
import io.github.s3bulkcopy.jobfile.CopyMode;
import io.github.s3bulkcopy.jobfile.CopySpec;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.DestinationSpec;
import io.github.s3bulkcopy.jobfile.FilterSpec;
import io.github.s3bulkcopy.jobfile.FilterStorageClasses;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.KeyGlob;
import io.github.s3bulkcopy.jobfile.ManifestSpec;
import io.github.s3bulkcopy.jobfile.ManifestType;
import io.github.s3bulkcopy.jobfile.ReportSpec;
import io.github.s3bulkcopy.jobfile.ScheduleSpec;
import io.github.s3bulkcopy.jobfile.ScheduleWindow;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import io.github.s3bulkcopy.jobfile.VerifyMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of a job file that span more than one property, checked after binding
 * alongside Bean Validation and reported the same way. The bound job may be incomplete
 * here (a missing section is null); Bean Validation reports that, so each rule checks
 * only what is there.
 */
final class JobSpecRules implements Validator {

	/**
	 * The error code of every rule, so messages can tell rules from Bean Validation
	 * constraints.
	 */
	static final String CODE = "jobfile.rule";

	static final ByteSize MIN_PART_SIZE = ByteSize.ofMebibytes(5);

	static final ByteSize MAX_PART_SIZE = ByteSize.ofMebibytes(5 * 1024);

	/** The largest object a single CopyObject request copies. */
	static final ByteSize MAX_COPY_OBJECT_SIZE = ByteSize.ofMebibytes(5 * 1024);

	private static final java.util.regex.Pattern S3_BUCKET = java.util.regex.Pattern
		.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	static final Duration MIN_ROLE_DURATION = Duration.ofMinutes(15);

	static final Duration MAX_ROLE_DURATION = Duration.ofHours(12);

	@Override
	public boolean supports(Class<?> type) {
		return JobSpec.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		JobSpec job = (JobSpec) target;
		if (job.manifest() != null) {
			manifest(job.manifest(), errors);
		}
		if (job.copy() != null) {
			copy(job.copy(), errors);
		}
		if (job.verify() != null && job.verify().require() && job.verify().method() == VerifyMethod.NONE) {
			reject(errors, "verify.require", "cannot be true with verify.method none: nothing would be compared, so "
					+ "every object would fail; choose a method, or set require to false");
		}
		if (job.source() != null) {
			side("source", job.source(), errors);
		}
		if (job.destination() != null) {
			side("destination", job.destination(), errors);
		}
		if (job.report() != null) {
			report(job.report(), errors);
		}
		if (job.source() != null && job.destination() != null && job.copy() != null) {
			copyMode(job, errors);
		}
		if (job.source() != null && job.destination() != null) {
			BucketOverlap.check(job.source(), job.destination(), (path, reason) -> reject(errors, path, reason));
			expectedOwners(job.source(), job.destination(), errors);
		}
		if (job.schedule() != null) {
			schedule(job.schedule(), errors);
		}
		if (job.filter() != null) {
			filter(job.filter(), job.manifest(), errors);
		}
		BatchOperationsSpec batch = job.batchOperations();
		if (batch != null) {
			BatchOperationsRules.check(batch, (path, reason) -> reject(errors, path, reason));
			if (batch.credentials() != null) {
				credentials(BatchOperationsRules.PATH, batch.credentials(), batch.allowInsecureEndpoint(), errors);
			}
		}
	}

	private void filter(FilterSpec filter, @Nullable ManifestSpec manifest, Errors errors) {
		patterns("filter.include", filter.include(), errors);
		patterns("filter.exclude", filter.exclude(), errors);
		if (filter.minSize() != null && filter.maxSize() != null
				&& filter.maxSize().bytes() < filter.minSize().bytes()) {
			reject(errors, "filter.max-size", "must not be less than min-size: no object could match");
		}
		if (filter.modifiedAfter() != null && filter.modifiedBefore() != null
				&& !filter.modifiedAfter().isBefore(filter.modifiedBefore())) {
			reject(errors, "filter.modified-before", "must be later than modified-after: no object could match");
		}
		for (int i = 0; i < filter.storageClasses().size(); i++) {
			String storageClass = filter.storageClasses().get(i);
			if (!FilterStorageClasses.KNOWN.contains(FilterStorageClasses.normalize(storageClass))) {
				reject(errors, "filter.storage-classes[" + i + "]", "'" + storageClass + "' is not a storage class: "
						+ "one of " + String.join(", ", FilterStorageClasses.KNOWN));
			}
		}
		if (manifest != null && manifest.type() == ManifestType.CSV) {
			// a Batch Operations CSV names bucket, key and version only: these filters
			// could only pass or drop all
			String why = "a csv manifest names only bucket, key and version; use an inventory or listing manifest, "
					+ "or remove the filter";
			if (filter.minSize() != null) {
				reject(errors, "filter.min-size", "needs each object's size, and " + why);
			}
			if (filter.maxSize() != null) {
				reject(errors, "filter.max-size", "needs each object's size, and " + why);
			}
			if (filter.modifiedAfter() != null) {
				reject(errors, "filter.modified-after", "needs each object's last-modified time, and " + why);
			}
			if (filter.modifiedBefore() != null) {
				reject(errors, "filter.modified-before", "needs each object's last-modified time, and " + why);
			}
			if (!filter.storageClasses().isEmpty()) {
				reject(errors, "filter.storage-classes[0]", "needs each object's storage class, and " + why);
			}
		}
	}

	private static void patterns(String path, List<String> patterns, Errors errors) {
		for (int i = 0; i < patterns.size(); i++) {
			try {
				KeyGlob.compile(patterns.get(i));
			}
			catch (IllegalArgumentException ex) {
				reject(errors, path + "[" + i + "]", "is not a pattern: " + ex.getMessage());
			}
		}
	}

	private void schedule(ScheduleSpec schedule, Errors errors) {
		if (schedule.cron() != null
				&& !org.springframework.scheduling.support.CronExpression.isValidExpression(schedule.cron())) {
			reject(errors, "schedule.cron", "'" + schedule.cron() + "' is not a cron expression: six fields, second "
					+ "minute hour day-of-month month day-of-week, such as '0 0 2 * * *' for 02:00 every day");
		}
		if (schedule.maxRuns() != null && schedule.maxRuns() < 0) {
			reject(errors, "schedule.max-runs", "must be 0 (no limit) or more");
		}
		if (schedule.window() != null) {
			try {
				ScheduleWindow.parse(schedule.window());
			}
			catch (IllegalArgumentException ex) {
				reject(errors, "schedule.window", ex.getMessage());
			}
		}
	}

	private void manifest(ManifestSpec manifest, Errors errors) {
		boolean hasLocation = StringUtils.hasText(manifest.location());
		if (manifest.type() == ManifestType.LISTING && hasLocation) {
			reject(errors, "manifest.location",
					"not used by listing: a listing reads source.bucket under source.prefix; remove manifest.location");
		}
		else if (manifest.type() == ManifestType.INVENTORY && !hasLocation) {
			reject(errors, "manifest.location",
					"is required for an inventory manifest: the s3://bucket/key or local path of its manifest.json");
		}
		else if (manifest.type() == ManifestType.CSV && !hasLocation) {
			reject(errors, "manifest.location",
					"is required for a csv manifest: the s3://bucket/key or local path of the CSV file");
		}
	}

	private void report(ReportSpec report, Errors errors) {
		if (report.location() == null) {
			return;
		}
		if (report.isS3()) {
			if (!S3_BUCKET.matcher(report.bucket()).matches()) {
				reject(errors, "report.location", "must be a local folder or s3://bucket/prefix/ with a valid bucket "
						+ "name (3-63 lower-case letters, digits, '.' or '-'); was " + report.location());
			}
		}
		else {
			if (report.location().contains("://")) {
				reject(errors, "report.location",
						"must be a local folder or s3://bucket/prefix/; was " + report.location());
			}
			if (report.localDirectory() != null) {
				reject(errors, "report.local-directory", "only used with an s3:// report.location: the report is "
						+ "written to report.location itself; remove local-directory");
			}
			if (report.sseKmsKeyId() != null) {
				reject(errors, "report.sse-kms-key-id",
						"only used with an s3:// report.location; remove sse-kms-key-id");
			}
		}
	}

	private void copy(CopySpec copy, Errors errors) {
		ByteSize partSize = copy.partSize();
		if (partSize != null
				&& (partSize.bytes() < MIN_PART_SIZE.bytes() || partSize.bytes() > MAX_PART_SIZE.bytes())) {
			reject(errors, "copy.part-size", "must be between " + MIN_PART_SIZE + " and " + MAX_PART_SIZE
					+ ", the part sizes S3 accepts (was " + partSize + ")");
		}
		ByteSize threshold = copy.multipartThreshold();
		if (threshold != null && threshold.bytes() < MIN_PART_SIZE.bytes()) {
			reject(errors, "copy.multipart-threshold",
					"must be at least " + MIN_PART_SIZE + ", the smallest part S3 accepts (was " + threshold + ")");
		}
		else if (threshold != null && threshold.bytes() > MAX_COPY_OBJECT_SIZE.bytes()) {
			reject(errors, "copy.multipart-threshold", "must be at most " + MAX_COPY_OBJECT_SIZE
					+ ", the largest object CopyObject copies in one request (was " + threshold + ")");
		}
		if (copy.maxBytesPerSecond() != null && copy.maxBytesPerSecond().bytes() < 1024) {
			reject(errors, "copy.max-bytes-per-second",
					"must be at least 1KiB, such as 100MiB (was " + copy.maxBytesPerSecond() + ")");
		}
		concurrencyBounds(copy, errors);
	}

	private void concurrencyBounds(CopySpec copy, Errors errors) {
		if (copy.concurrency() != null && !copy.concurrency().auto()) {
			String fixed = "bounds only copy.concurrency: auto, and copy.concurrency is " + copy.concurrency()
					+ ": remove it, or set concurrency to auto";
			if (copy.minConcurrency() != null) {
				reject(errors, "copy.min-concurrency", fixed);
			}
			if (copy.maxConcurrency() != null) {
				reject(errors, "copy.max-concurrency", fixed);
			}
		}
		else if (copy.minConcurrency() != null && copy.maxConcurrency() != null
				&& copy.minConcurrency() > copy.maxConcurrency()) {
			reject(errors, "copy.min-concurrency", "must be at most copy.max-concurrency, " + copy.maxConcurrency()
					+ " (was " + copy.minConcurrency() + ")");
		}
	}

	private void copyMode(JobSpec job, Errors errors) {
		if (job.copy().mode() == CopyMode.SERVER_SIDE
				&& !Objects.equals(job.source().endpoint(), job.destination().endpoint())) {
			reject(errors, "copy.mode", "server-side copies only within one endpoint, and source.endpoint and "
					+ "destination.endpoint differ: use stream (or auto, which streams here)");
		}
	}

	/** One bucket has one owner: both sides in the same bucket cannot expect two. */
	private void expectedOwners(SourceSpec source, DestinationSpec destination, Errors errors) {
		if (source.expectedOwner() != null && destination.expectedOwner() != null
				&& !source.expectedOwner().equals(destination.expectedOwner())
				&& Objects.equals(source.bucket(), destination.bucket())
				&& Objects.equals(source.endpoint(), destination.endpoint())) {
			reject(errors, "destination.expected-owner", "is not source.expected-owner (" + source.expectedOwner()
					+ ") though both sides are bucket " + source.bucket() + ", which has one owner");
		}
	}

	private void side(String name, BucketSide side, Errors errors) {
		Endpoints.check(name + ".endpoint", side.endpoint(), side.allowInsecureEndpoint(),
				name + ".allow-insecure-endpoint", (path, reason) -> reject(errors, path, reason));
		CredentialsSpec credentials = side.credentials();
		if (credentials != null) {
			credentials(name, credentials, side.allowInsecureEndpoint(), errors);
		}
	}

	private void credentials(String side, CredentialsSpec credentials, boolean allowInsecure, Errors errors) {
		String path = side + ".credentials";
		if (credentials.roleArn() == null) {
			onlyWithRole(path, "external-id", credentials.externalId(), errors);
			onlyWithRole(path, "session-name", credentials.sessionName(), errors);
			onlyWithRole(path, "duration", credentials.duration(), errors);
			onlyWithRole(path, "base-profile", credentials.baseProfile(), errors);
			onlyWithRole(path, "sts-region", credentials.stsRegion(), errors);
			onlyWithRole(path, "sts-endpoint", credentials.stsEndpoint(), errors);
			return;
		}
		if (credentials.profile() != null) {
			reject(errors, path + ".profile", "cannot be used with role-arn: to choose who assumes the role, "
					+ "set base-profile; to use a profile that assumes a role itself, remove role-arn");
		}
		Duration duration = credentials.duration();
		if (duration != null
				&& (duration.compareTo(MIN_ROLE_DURATION) < 0 || duration.compareTo(MAX_ROLE_DURATION) > 0)) {
			reject(errors, path + ".duration",
					"must be between 15m and 12h, the session durations STS grants (was " + format(duration) + ")");
		}
		Endpoints.check(path + ".sts-endpoint", credentials.stsEndpoint(), allowInsecure,
				side + ".allow-insecure-endpoint", (property, reason) -> reject(errors, property, reason));
	}

	private void onlyWithRole(String path, String property, @Nullable Object value, Errors errors) {
		if (value != null) {
			reject(errors, path + "." + property, "only used with role-arn: set role-arn, or remove " + property);
		}
	}

	private static void reject(Errors errors, String path, String reason) {
		errors.rejectValue(path, CODE, reason);
	}

	static String format(Duration duration) {
		long seconds = duration.getSeconds();
		if (duration.getNano() == 0 && seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		if (duration.getNano() == 0 && seconds % 60 == 0) {
			return (seconds / 60) + "m";
		}
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

}
