package io.github.s3bulkcopy.batchops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.demo.LocalS3Server;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the Batch Operations functional tests share: buckets of their own on the shared
 * S3Proxy, a local S3 Control endpoint that does the jobs against it, a job database of
 * their own, job files, and the command line in-process.
 */
final class BatchFixture implements AutoCloseable {

	static final String ACCOUNT = "123456789012";

	static final String ROLE = "arn:aws:iam::123456789012:role/batch-ops";

	final Path dir;

	final S3Client s3 = LocalS3ProxyTest.sourceClient();

	final LocalS3Server server = LocalS3ProxyTest.s3Proxy();

	final String source = S3TestData.createBucket(this.s3, "bo-src");

	final String destination = S3TestData.createBucket(this.s3, "bo-dst");

	final String reports = S3TestData.createBucket(this.s3, "bo-reports");

	final LocalS3Control control;

	/**
	 * The job database, identity, command line and reports these tests share with others.
	 */
	private final JobFixture job;

	/** The report scope job files get. */
	String reportScope = "all-tasks";

	BatchFixture(Path dir) throws IOException {
		this.dir = dir;
		this.control = new LocalS3Control(this.s3, LocalS3ProxyTest.SOURCE_ACCOUNT, "us-east-1");
		this.job = new JobFixture(dir, this.server.endpoint(), LocalS3ProxyTest.SOURCE_ACCOUNT, this.source,
				this.destination);
		System.setProperty("s3bulkcopy.batch-operations.poll-interval", "20ms");
		System.setProperty("s3bulkcopy.batch-operations.max-poll-interval", "100ms");
	}

	/**
	 * A job file; {@code manifest} and {@code batch} are YAML bodies of those sections,
	 * {@code extra} top level.
	 */
	Path jobFile(String name, String destinationPrefix, String manifest, String batch, String extra)
			throws IOException {
		return this.job.jobFile(name, "", destinationPrefix, manifest, """
				batch-operations:
				  account-id: "%s"
				  endpoint: %s
				  role-arn: %s
				  report:
				    bucket: %s
				    prefix: batch-reports
				    scope: %s
				%s
				%s
				""".formatted(ACCOUNT, this.control.endpoint(), ROLE, this.reports, this.reportScope,
				batch.indent(2).stripTrailing(), extra));
	}

	Path reportRoot() {
		return this.job.reports();
	}

	JobFixture.Result run(String... args) {
		return this.job.run(args);
	}

	void put(String key, String content) {
		S3TestData.put(this.s3, this.source, key, content);
	}

	List<String> destinationKeys() {
		return this.s3.listObjectsV2Paginator((list) -> list.bucket(this.destination))
			.contents()
			.stream()
			.map((object) -> object.key())
			.sorted()
			.toList();
	}

	/** The completion report of a run, one map per row. */
	List<Map<String, String>> reportRows(String jobName, long run) throws IOException {
		return this.job.reportRows(jobName, run);
	}

	String summary(String jobName, long run) throws IOException {
		return Files.readString(reportRoot().resolve(jobName).resolve(Long.toString(run)).resolve("summary.json"));
	}

	@Override
	public void close() {
		this.control.close();
	}

}
