package io.github.s3bulkcopy.testsupport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.cli.Main;
import io.github.s3bulkcopy.demo.LocalS3Identity;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the whole-job tests share: a job database of their own, the default credential
 * chain pointed at the local server's identity, job files written from a template, and
 * the command line run in-process.
 */
public final class JobFixture {

	/** A command's exit code and what it printed. */
	public record Result(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- out\n" + this.out + "--- err\n" + this.err;
		}

	}

	final Path dir;

	public final URI endpoint;

	public final String sourceBucket;

	public final String destinationBucket;

	private final LocalS3Identity identity;

	public JobFixture(Path dir, URI endpoint, LocalS3Identity identity, String sourceBucket, String destinationBucket) {
		this.dir = dir;
		this.endpoint = endpoint;
		this.identity = identity;
		this.sourceBucket = sourceBucket;
		this.destinationBucket = destinationBucket;
		System.setProperty("spring.datasource.url", databaseUrl());
		System.setProperty("aws.accessKeyId", identity.accessKeyId());
		System.setProperty("aws.secretAccessKey", identity.secretAccessKey());
	}

	/**
	 * A fixture on the shared S3Proxy in its source account, with a source and a
	 * destination bucket of its own named after the hint ({@code <hint>-src-...},
	 * {@code <hint>-dst-...}).
	 */
	public static JobFixture onS3Proxy(Path dir, String hint) {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		return new JobFixture(dir, LocalS3ProxyTest.s3Proxy().endpoint(), LocalS3ProxyTest.SOURCE_ACCOUNT,
				S3TestData.createBucket(s3, hint + "-src"), S3TestData.createBucket(s3, hint + "-dst"));
	}

	/**
	 * A fixture on the shared S3Mock, with a source and a destination bucket of its own
	 * named after the hint.
	 */
	public static JobFixture onS3Mock(Path dir, String hint) {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		return new JobFixture(dir, LocalS3MockTest.s3Mock().endpoint(), LocalS3MockTest.IDENTITY,
				S3TestData.createBucket(s3, hint + "-src"), S3TestData.createBucket(s3, hint + "-dst"));
	}

	/**
	 * This fixture's job database, identity and buckets, reached through another
	 * endpoint: a relay or a proxy in front of the server, which the test starts once the
	 * buckets are seeded.
	 */
	public JobFixture through(URI endpoint) {
		return new JobFixture(this.dir, endpoint, this.identity, this.sourceBucket, this.destinationBucket);
	}

	public String databaseUrl() {
		return "jdbc:h2:file:" + this.dir.resolve("db/s3-bulk-copy").toAbsolutePath() + ";WRITE_DELAY=0";
	}

	public Path reports() {
		return this.dir.resolve("reports");
	}

	/**
	 * Writes a job file; {@code extra} is YAML appended at the top level (copy:, verify:,
	 * ... sections).
	 */
	public Path jobFile(String name, String sourcePrefix, String destinationPrefix, String manifest, String extra)
			throws IOException {
		String yaml = """
				name: %s
				source:
				  bucket: %s
				  prefix: "%s"
				  endpoint: %s
				destination:
				  bucket: %s
				  prefix: "%s"
				  endpoint: %s
				manifest:
				%s
				report:
				  location: %s
				%s
				""".formatted(name, this.sourceBucket, sourcePrefix, this.endpoint, this.destinationBucket,
				destinationPrefix, this.endpoint, manifest.indent(2).stripTrailing(), reports().toAbsolutePath(),
				extra);
		Path file = this.dir.resolve(name + ".yml");
		Files.writeString(file, yaml, StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * Runs the command line in a child JVM of its own (so a test can kill it), with this
	 * fixture's job database and identity; its output goes to {@code child.log} in the
	 * fixture's folder.
	 */
	public Process startChild(String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-Dspring.datasource.url=" + databaseUrl());
		command.add("-Daws.accessKeyId=" + System.getProperty("aws.accessKeyId"));
		command.add("-Daws.secretAccessKey=" + System.getProperty("aws.secretAccessKey"));
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Main.class.getName());
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("child.log").toFile())
			.start();
	}

	/**
	 * Waits, for at most 90 s, until {@code done} holds while the child started by
	 * {@link #startChild} still runs; fails with the child's output if it ended first or
	 * the time ran out.
	 * @param what what the child should have done, for the message (e.g. "copy 300
	 * objects")
	 */
	public void awaitChild(Process child, java.util.function.BooleanSupplier done, String what) throws Exception {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (done.getAsBoolean()) {
				return;
			}
			if (!child.isAlive()) {
				org.assertj.core.api.Assertions.fail("the child run ended before it could be killed:\n" + childLog());
			}
			Thread.sleep(50);
		}
		child.destroyForcibly();
		org.assertj.core.api.Assertions.fail("the child run did not " + what + " in time:\n" + childLog());
	}

	private String childLog() throws IOException {
		return Files.readString(this.dir.resolve("child.log"), StandardCharsets.UTF_8);
	}

	/**
	 * Runs the command line in-process, with the job database and identity the fixture
	 * made last set (a test's fixtures share both).
	 */
	public Result run(String... args) {
		return runCommand(args);
	}

	/**
	 * Runs the command line in-process, with the job database and identity the JVM's
	 * system properties name, for tests of commands that need no fixture.
	 */
	public static Result runCommand(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Result(code, out.toString(), err.toString());
	}

	/** The report CSV of a run as rows of fields, header first. */
	public List<List<String>> report(String job, long run) throws IOException {
		return CsvRecords
			.parse(Files.readString(reports().resolve(job).resolve(Long.toString(run)).resolve("completion-report.csv"),
					StandardCharsets.UTF_8));
	}

	/** The report CSV's rows as maps from column name to value. */
	public List<Map<String, String>> reportRows(String job, long run) throws IOException {
		return byColumn(report(job, run));
	}

	/**
	 * The rows of a verify run's {@code verify-report.csv} (job {@code <job>.verify}) by
	 * column name.
	 */
	public List<Map<String, String>> verifyReportRows(String job, long run) throws IOException {
		return byColumn(CsvRecords.parse(Files.readString(
				reports().resolve(job + ".verify").resolve(Long.toString(run)).resolve("verify-report.csv"),
				StandardCharsets.UTF_8)));
	}

	private static List<Map<String, String>> byColumn(List<List<String>> records) {
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> record : records.subList(1, records.size())) {
			Map<String, String> row = new java.util.LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), record.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

}
