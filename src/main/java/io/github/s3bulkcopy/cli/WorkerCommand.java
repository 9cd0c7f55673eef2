package io.github.s3bulkcopy.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.distributed.DistributedWorkerConfiguration;
import io.github.s3bulkcopy.distributed.Worker;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.run.JobContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code worker --job FILE}: serves the partitions of a distributed run of the job. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = {
		"Copy partitions of a distributed run ('copy --job FILE --distributed') of the job: take them "
				+ "from the broker's queue and copy them like a local run would, with the job database in the shared "
				+ "PostgreSQL.",
		"The job file and the tool version must be the ones the run was started with (exit 2 if not). The "
				+ "worker ends when the run it served ends, unless --keep-running. On SIGTERM it commits its "
				+ "chunks in flight, hands its partitions to the other workers and exits with code 3. The login "
				+ "to a broker that asks for one comes from the environment: S3BULKCOPY_BROKER_USER, and "
				+ "S3BULKCOPY_BROKER_PASSWORD or S3BULKCOPY_BROKER_PASSWORD_FILE. See docs/scale-out.md." })
class WorkerCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Option(names = "--broker", paramLabel = "URL", defaultValue = "tcp://127.0.0.1:61616",
			description = "The broker of the run: the manager's embedded one or an existing ActiveMQ Artemis "
					+ "(default ${DEFAULT-VALUE}).")
	String broker;

	@Option(names = "--slots", paramLabel = "N", defaultValue = "2",
			description = "How many partitions to run at once (default ${DEFAULT-VALUE}); each copies "
					+ "copy.concurrency objects at a time.")
	int slots;

	@Option(names = "--keep-running",
			description = "Go on serving the job's next runs instead of ending with the run that was served.")
	boolean keepRunning;

	@Override
	public Integer call() throws Exception {
		if (this.slots < 1) {
			throw new UsageException("--slots must be 1 or more");
		}
		JobFile jobFile = this.jobOptions.load();
		Map<String, Object> properties = new HashMap<>();
		properties.put("s3bulkcopy.broker.url", this.broker);
		// A connection for each partition's chunk, and a few for the heartbeat and the
		// guard.
		properties.put("spring.datasource.hikari.maximum-pool-size", this.slots + 4);
		try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, properties,
				DistributedWorkerConfiguration.class)) {
			Worker worker = context.getBean(Worker.class);
			this.spec.commandLine()
				.getErr()
				.println("Worker " + worker.id() + " serving job '" + jobFile.spec().name() + "' from " + this.broker);
			// SIGTERM (a service manager's stop): hand the partitions back at their next
			// chunk boundary and leave with exit code 3; a second one leaves at once.
			try (StopSignals signals = StopSignals.install(worker::release, this.spec.commandLine().getErr())) {
				return worker.serve(this.slots, this.keepRunning);
			}
		}
	}

}
