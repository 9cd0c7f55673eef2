package io.github.s3bulkcopy.distributed;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;

/**
 * {@code copy --distributed --workers N}: N worker processes on this host, started with
 * this JVM's settings and the same job file, each writing its output to
 * {@code worker-<n>.log} in the log folder. The job database reaches them through the
 * environment ({@code SPRING_DATASOURCE_*}), never the command line. They end with the
 * run; closing this stops any that did not.
 */
public final class LocalWorkers implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalWorkers.class);

	private final List<Process> processes;

	private LocalWorkers(List<Process> processes) {
		this.processes = processes;
	}

	public static LocalWorkers start(int count, Path jobFile, String brokerUrl, int slots, Environment environment,
			Path logs) throws IOException {
		Files.createDirectories(logs);
		List<Process> processes = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			List<String> command = new ArrayList<>(javaCommand());
			command.addAll(List.of("worker", "--job", jobFile.toAbsolutePath().toString(), "--broker", brokerUrl,
					"--slots", Integer.toString(slots)));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logs.resolve("worker-" + i + ".log").toFile());
			Map<String, String> env = builder.environment();
			for (String property : List.of("url", "username", "password")) {
				String value = environment.getProperty("spring.datasource." + property);
				if (value != null) {
					env.put("SPRING_DATASOURCE_" + property.toUpperCase(java.util.Locale.ROOT), value);
				}
			}
			processes.add(builder.start());
		}
		logger.info("Started {} local worker(s); their output is in {}", count, logs.toAbsolutePath());
		return new LocalWorkers(processes);
	}

	/**
	 * How this JVM was started, to start another the same way: java, its options, and the
	 * class path or jar.
	 */
	static List<String> javaCommand() {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			// Not a debugger, an agent, the password (in the environment instead) or the
			// recording of a class
			// archive, which is the launcher's business for this process alone.
			if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent")
					&& !argument.startsWith("-Dspring.datasource.password")
					&& !argument.startsWith("-XX:ArchiveClassesAtExit") && !argument.startsWith("-XX:AOTMode")
					&& !argument.startsWith("-XX:AOTConfiguration") && !argument.startsWith("-XX:AOTCacheOutput")) {
				command.add(argument);
			}
		}
		String launched = System.getProperty("sun.java.command", "");
		String first = launched.isBlank() ? "" : launched.split(" ")[0];
		if (first.endsWith(".jar")) {
			command.add("-jar");
			command.add(first);
		}
		else {
			command.add("-cp");
			command.add(System.getProperty("java.class.path"));
			command.add("io.github.s3bulkcopy.cli.Main");
		}
		return command;
	}

	public List<Process> processes() {
		return this.processes;
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			if (process.isAlive()) {
				process.destroy();
			}
		}
		for (Process process : this.processes) {
			try {
				if (!process.waitFor(15, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

}
