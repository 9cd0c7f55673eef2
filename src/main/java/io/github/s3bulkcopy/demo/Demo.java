package io.github.s3bulkcopy.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.run.JobContexts;
import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.run.RunResult;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo: a real run of the copy job on this machine with nothing but Java. It starts
 * S3Proxy on 127.0.0.1, fills a source bucket with sample objects and an S3 Inventory
 * report of them, writes a job file, runs the job exactly as {@code copy --job} would,
 * and stops the server.
 */
public class Demo {

	static final String SOURCE = "demo-source";

	static final String DESTINATION = "demo-destination";

	static final String INVENTORY = "demo-inventory";

	private final Path workDir;

	private final int objects;

	private final PrintWriter out;

	/**
	 * @param workDir where the demo writes its job file (the job database and reports go
	 * where the defaults say)
	 * @param objects how many small sample objects to create (the awkward and large ones
	 * come on top)
	 * @param out where to tell the user what happens
	 */
	public Demo(Path workDir, int objects, PrintWriter out) {
		this.workDir = workDir;
		this.objects = objects;
		this.out = out;
	}

	/** Runs the demo and returns the run's result. */
	public RunResult run() throws Exception {
		LocalS3Identity identity = new LocalS3Identity("demo-access-key", "demo-secret-key");
		this.out.println("Starting a local S3 server (S3Proxy) on 127.0.0.1 ...");
		this.out.flush();
		try (LocalS3Server server = LocalS3Server.builder().identity(identity).transientStore().start()) {
			this.out.println("  endpoint: " + server.endpoint());
			// The job uses the default credential chain, as a real job does; here it
			// finds the local server's keys.
			System.setProperty("aws.accessKeyId", identity.accessKeyId());
			System.setProperty("aws.secretAccessKey", identity.secretAccessKey());
			String manifestKey;
			try (S3Client s3 = server.client(identity)) {
				manifestKey = seed(s3);
			}
			Path jobPath = writeJobFile(server, manifestKey);
			this.out.println("  job file: " + jobPath);
			JobFile jobFile = new JobFileLoader().load(jobPath);
			this.out.println("Running the copy job (plan -> partitioned copy -> report) ...");
			this.out.flush();
			try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, Map.of())) {
				return context.getBean(RunLauncher.class).copy(true);
			}
		}
	}

	private String seed(S3Client s3) {
		for (String bucket : List.of(SOURCE, DESTINATION, INVENTORY)) {
			s3.createBucket((create) -> create.bucket(bucket));
		}
		List<DemoData.SampleObject> samples = DemoData.objects(this.objects);
		InventoryReportBuilder inventory = new InventoryReportBuilder(SOURCE, INVENTORY, "inventory", 100);
		for (DemoData.SampleObject sample : samples) {
			String etag = s3
				.putObject((put) -> put.bucket(SOURCE)
					.key(sample.key())
					.contentType("application/octet-stream")
					.metadata(Map.of("origin", "s3-bulk-copy-demo")), RequestBody.fromBytes(sample.content()))
				.eTag();
			inventory.add(new InventoryReportBuilder.Row(sample.key(), sample.content().length, etag.replace("\"", ""),
					false));
		}
		InventoryReportBuilder.Report report = inventory.build(Instant.now());
		report.files()
			.forEach((key, bytes) -> s3.putObject((put) -> put.bucket(INVENTORY).key(key),
					RequestBody.fromBytes(bytes)));
		this.out.printf("  source:   s3://%s with %d objects; inventory report s3://%s/%s%n", SOURCE, samples.size(),
				INVENTORY, report.manifestKey());
		return report.manifestKey();
	}

	private Path writeJobFile(LocalS3Server server, String manifestKey) throws IOException {
		Files.createDirectories(this.workDir);
		Path job = this.workDir.resolve("demo.yml");
		String yaml = """
				# The demo's job file, written by 'java -jar target/s3-bulk-copy.jar demo' for a local S3 server
				# (S3Proxy on %1$s) that the demo started and has stopped again. Read jobs/example.yml for
				# every property; this one copies everything an S3 Inventory report lists, verifying each copy.
				name: demo
				source:
				  bucket: %2$s
				  region: us-east-1
				  endpoint: %1$s
				destination:
				  bucket: %3$s
				  prefix: copied/
				  region: us-east-1
				  endpoint: %1$s
				manifest:
				  type: inventory
				  location: s3://%4$s/%5$s
				copy:
				  partitions: 4
				  concurrency: 32
				  chunk-size: 50
				  multipart-threshold: 8MiB
				  part-size: 5MiB
				verify:
				  method: auto
				  require: true
				report:
				  location: reports/
				""".formatted(server.endpoint(), SOURCE, DESTINATION, INVENTORY, manifestKey);
		Files.writeString(job, yaml, StandardCharsets.UTF_8);
		return job;
	}

}
