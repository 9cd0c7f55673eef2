package io.github.s3bulkcopy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.s3bulkcopy.distributed.BrokerSettings;
import io.github.s3bulkcopy.distributed.DistributedManagerConfiguration;
import io.github.s3bulkcopy.distributed.LocalWorkers;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.run.JobContexts;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/** The options of {@code copy} for a distributed run (docs/scale-out.md). */
class DistributedOptions {

	@Option(names = "--distributed",
			description = "Run the copy step's partitions on worker processes ('worker --job FILE', on this host or "
					+ "others) through a message broker, with the job database in PostgreSQL (see docs/scale-out.md).")
	boolean distributed;

	@Option(names = "--broker", paramLabel = "URL",
			description = "With --distributed: an existing ActiveMQ Artemis broker, such as tcp://broker:61616 "
					+ "(default: a broker embedded in this process, see --broker-bind).")
	String broker;

	@Option(names = "--broker-bind", paramLabel = "HOST:PORT",
			description = "With --distributed: where the embedded broker listens (default 127.0.0.1:61616; "
					+ "workers on other hosts need an address they reach, such as 0.0.0.0:61616).")
	String brokerBind;

	@Option(names = "--workers", paramLabel = "N", defaultValue = "0",
			description = "With --distributed: also start N worker processes on this host; they end with the run "
					+ "(default ${DEFAULT-VALUE}).")
	int workers;

	@Option(names = "--slots", paramLabel = "N", defaultValue = "2",
			description = "With --workers: how many partitions each local worker runs at once (default "
					+ "${DEFAULT-VALUE}).")
	int slots;

	void validate() {
		if (!this.distributed && (this.broker != null || this.brokerBind != null || this.workers != 0)) {
			throw new UsageException("--broker, --broker-bind and --workers go with --distributed only");
		}
		if (this.broker != null && this.brokerBind != null) {
			throw new UsageException(
					"--broker names an existing broker; --broker-bind places the embedded one: give one of them");
		}
		if (this.workers < 0 || this.slots < 1) {
			throw new UsageException("--workers must be 0 or more and --slots 1 or more");
		}
	}

	/**
	 * The job's context; with {@code --distributed}, the manager's, which adds the broker
	 * and the messaging classes (loaded for a distributed run only).
	 */
	ConfigurableApplicationContext context(JobFile jobFile) {
		return this.distributed ? JobContexts.forJob(jobFile, properties(), DistributedManagerConfiguration.class)
				: JobContexts.forJob(jobFile, Map.of());
	}

	/**
	 * The worker processes {@code --workers} starts on this host, ending with the run;
	 * null without {@code --workers}.
	 */
	@Nullable LocalWorkers startWorkers(ConfigurableApplicationContext context, Path jobFile) throws IOException {
		return (this.workers > 0)
				? LocalWorkers.start(this.workers, jobFile, context.getBean(BrokerSettings.class).clientUrl(),
						this.slots, context.getEnvironment(), Path.of("logs"))
				: null;
	}

	/** The settings of the distributed configuration. */
	private Map<String, Object> properties() {
		Map<String, Object> properties = new HashMap<>();
		if (this.broker != null) {
			properties.put("s3bulkcopy.broker.url", this.broker);
		}
		if (this.brokerBind != null) {
			properties.put("s3bulkcopy.broker.bind", this.brokerBind);
		}
		// The manager's own chunks run on the workers: the job repository and the lock
		// need a few connections.
		properties.put("spring.datasource.hikari.maximum-pool-size", 8);
		return properties;
	}

}
