package io.github.s3bulkcopy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.s3bulkcopy.S3BulkCopyApplication;
import io.github.s3bulkcopy.batchops.BatchOperationsConfiguration;
import io.github.s3bulkcopy.distributed.DistributedManagerConfiguration;
import io.github.s3bulkcopy.distributed.DistributedWorkerConfiguration;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.run.JobContexts;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.aot.ContextAotProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

/**
 * Spring AOT's processing, when the jar is built, of every context {@link JobContexts}
 * starts: each context's bean definitions written as code, its configuration classes
 * parsed and their conditions evaluated once, here, instead of at every start. The code
 * of each is named after a class of its own ({@link JobContexts#aheadOfTimeName}), so
 * that a command finds the code of the context it starts.
 * <p>
 * Run by spring-boot-maven-plugin's {@code process-aot} goal (pom.xml), which calls this
 * with a job file (any valid one: a job file only fills in beans' values at run time),
 * and compiles what was generated. The contexts are processed here, on a thread of their
 * own, since Spring Boot keeps the hook that catches a context per thread and removes it
 * after each; the plugin then asks for one more context started on its own thread, and
 * the repository's is started again for it (its code, named after this class, unused).
 * Each context is generated into a folder of its own, then added to the plugin's as the
 * JVM exits, after the plugin has written its own there (it refuses to write a file that
 * exists): code that two contexts share (a configuration class's bean definitions) must
 * come out the same in both.
 */
public final class ContextsAheadOfTime {

	/**
	 * The configuration classes a command adds to a job's context, each a context of its
	 * own.
	 */
	static final List<Class<?>> MORE = List.of(DistributedManagerConfiguration.class,
			DistributedWorkerConfiguration.class, BatchOperationsConfiguration.class);

	private ContextsAheadOfTime() {
	}

	/**
	 * Arguments: the job file, then the folders for generated sources, resources and
	 * classes (those of {@code process-aot}), the group and artifact ids.
	 */
	public static void main(String[] args) throws InterruptedException {
		JobFile jobFile = new JobFileLoader().load(Path.of(args[0]));
		Output output = new Output(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args[4], args[5]);
		AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
		List<Output> generated = new CopyOnWriteArrayList<>();
		Thread others = new Thread(() -> {
			try {
				contexts(jobFile).forEach((name, start) -> generated.add(process(output, name, start)));
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		}, "aot-contexts");
		others.start();
		others.join();
		RuntimeException failed = failure.get();
		if (failed != null) {
			throw failed;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				generated.forEach((own) -> own.addTo(output));
			}
			catch (RuntimeException ex) {
				ex.printStackTrace();
				// An exception would not change the exit code the plugin checks.
				Runtime.getRuntime().halt(1);
			}
		}, "aot-contexts-output"));
		JobContexts.repository(Map.of());
	}

	/**
	 * Every context {@link JobContexts} starts, by the class its generated code is named
	 * after.
	 */
	static Map<Class<?>, Supplier<ConfigurableApplicationContext>> contexts(JobFile jobFile) {
		Map<Class<?>, Supplier<ConfigurableApplicationContext>> contexts = new LinkedHashMap<>();
		contexts.put(S3BulkCopyApplication.class, () -> JobContexts.repository(Map.of()));
		contexts.put(JobContexts.aheadOfTimeName(), () -> JobContexts.forJob(jobFile, Map.of()));
		for (Class<?> more : MORE) {
			contexts.put(JobContexts.aheadOfTimeName(more), () -> JobContexts.forJob(jobFile, Map.of(), more));
		}
		return contexts;
	}

	private static Output process(Output output, Class<?> name, Supplier<ConfigurableApplicationContext> start) {
		Output own = output.of(name);
		ClassName initializer = new ContextAotProcessor(name, own.settings()) {

			@Override
			protected GenericApplicationContext prepareApplicationContext(Class<?> application) {
				return loaded(start);
			}

		}.process();
		if (!initializer.reflectionName().equals(JobContexts.aheadOfTimeInitializer(name))) {
			throw new IllegalStateException("Spring AOT named the initializer of " + name.getName() + " "
					+ initializer.reflectionName() + ", not as JobContexts looks for it");
		}
		return own;
	}

	/**
	 * The context a call starts, stopped once its bean definitions are loaded, before it
	 * is refreshed.
	 */
	static GenericApplicationContext loaded(Supplier<ConfigurableApplicationContext> start) {
		try {
			SpringApplication.withHook(new AbandonAfterLoading(), start::get);
		}
		catch (AbandonedRunException ex) {
			return (GenericApplicationContext) ex.getApplicationContext();
		}
		throw new IllegalStateException("no context was started");
	}

	/** Where Spring AOT writes what it generates. */
	private record Output(Path sources, Path resources, Path classes, String groupId, String artifactId) {

		AbstractAotProcessor.Settings settings() {
			return AbstractAotProcessor.Settings.builder()
				.sourceOutput(this.sources)
				.resourceOutput(this.resources)
				.classOutput(this.classes)
				.groupId(this.groupId)
				.artifactId(this.artifactId)
				.build();
		}

		/** Folders of one context's own, beside these. */
		Output of(Class<?> name) {
			Path base = this.sources.resolveSibling("contexts").resolve(name.getName());
			return new Output(base.resolve("sources"), base.resolve("resources"), base.resolve("classes"), this.groupId,
					this.artifactId);
		}

		/**
		 * Adds these folders' files to another's: a source file both have must be the
		 * same; resources (GraalVM's hints, which name the context) the last one's.
		 */
		void addTo(Output other) {
			copy(this.sources, other.sources, true);
			copy(this.resources, other.resources, false);
			copy(this.classes, other.classes, true);
		}

		private static void copy(Path from, Path to, boolean same) {
			if (!Files.isDirectory(from)) {
				return;
			}
			try (Stream<Path> files = Files.walk(from)) {
				for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
					Path target = to.resolve(from.relativize(file));
					if (same && Files.exists(target) && Files.mismatch(file, target) != -1) {
						throw new IllegalStateException(target + " differs between two contexts");
					}
					Files.createDirectories(target.getParent());
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** Stops a context once its bean definitions are loaded, before it is refreshed. */
	private static final class AbandonAfterLoading implements SpringApplicationHook {

		@Override
		public SpringApplicationRunListener getRunListener(SpringApplication application) {
			return new SpringApplicationRunListener() {

				@Override
				public void contextLoaded(ConfigurableApplicationContext context) {
					throw new AbandonedRunException(context);
				}

			};
		}

	}

}
