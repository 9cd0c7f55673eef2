package io.github.s3bulkcopy.jobfile.loading;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.github.s3bulkcopy.jobfile.ByteSize;
import io.github.s3bulkcopy.jobfile.Concurrency;
import io.github.s3bulkcopy.jobfile.FailureThreshold;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.JobSpec;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.util.Assert;
import org.springframework.validation.Validator;

/**
 * Loads a job file ({@code jobs/*.yml}) and proves it usable before any work starts:
 * valid YAML, only known properties, every value of the right type, Bean Validation
 * constraints and the cross-property rules of {@link JobSpecRules}, and no credentials.
 * Everything wrong is reported at once in a {@link JobFileException}.
 * <p>
 * Binding is Spring Boot's, as for {@code @ConfigurationProperties}: kebab-case names,
 * sizes such as {@code 256MiB}, durations such as {@code 15m}, enum values in any case
 * with {@code -} or {@code _}. Placeholders such as {@code ${HOME}} are not resolved: a
 * job file means the same on every machine. Needs no Spring context.
 */
public final class JobFileLoader {

	private final ConversionService conversionService;

	private final Validator beanValidation;

	private final Validator rules = new JobSpecRules();

	public JobFileLoader() {
		ApplicationConversionService conversions = new ApplicationConversionService();
		conversions.addConverter(String.class, ByteSize.class, ByteSize::valueOf);
		conversions.addConverter(Number.class, ByteSize.class, (number) -> new ByteSize(number.longValue()));
		conversions.addConverter(String.class, FailureThreshold.class, FailureThreshold::valueOf);
		conversions.addConverter(String.class, Concurrency.class, Concurrency::valueOf);
		conversions.addConverter(Number.class, Concurrency.class, (number) -> Concurrency.valueOf(number.toString()));
		conversions.addConverter(Number.class, FailureThreshold.class,
				(number) -> FailureThreshold.valueOf(number.toString()));
		conversions.addConverter(String.class, Instant.class, BatchOperationsRules::instant);
		this.conversionService = conversions;
		this.beanValidation = JobSpecBeanValidation.create();
	}

	/**
	 * Reads, binds and validates a job file.
	 * @param path the file; messages name it as given, so pass it as the user wrote it
	 * @return the job, with the SHA-256 of the bytes that were read
	 * @throws JobFileException if the file cannot be read or is not a valid job
	 */
	public JobFile load(Path path) {
		Assert.notNull(path, "path is required");
		String file = path.toString();
		byte[] bytes = read(path, file);
		EnumerablePropertySource<?> yaml = JobFileYaml.read(file, bytes);
		List<JobFileProblem> secrets = SecretProperties.find(file, yaml);
		if (!secrets.isEmpty()) {
			throw new JobFileException(secrets);
		}
		return new JobFile(path, bind(file, yaml), sha256(bytes));
	}

	/**
	 * The name of the job a job file describes, for a command that needs nothing else
	 * ({@code status}): read from the file's YAML alone, without binding and validating
	 * the whole job, which loads Bean Validation and takes most of a second. A file whose
	 * name cannot be read so (not YAML, no valid name, credentials in it) is loaded in
	 * full instead, to report every problem as {@link #load} does.
	 * @param path the file; messages name it as given
	 * @return the job's name
	 * @throws JobFileException if the file cannot be read or has no valid name
	 */
	public static String jobName(Path path) {
		Assert.notNull(path, "path is required");
		String file = path.toString();
		try {
			EnumerablePropertySource<?> yaml = JobFileYaml.read(file, read(path, file));
			if (yaml.getProperty("name") instanceof String name && name.matches(JobSpec.NAME_PATTERN)
					&& SecretProperties.find(file, yaml).isEmpty()) {
				return name;
			}
		}
		catch (JobFileException ex) {
			// Reported below, with whatever else is wrong.
		}
		return new JobFileLoader().load(path).spec().name();
	}

	private JobSpec bind(String file, EnumerablePropertySource<?> yaml) {
		ConfigurationPropertySource source = ConfigurationPropertySource.from(yaml);
		Binder binder = new Binder(List.of(source), null, this.conversionService);
		ConversionFailures conversions = new ConversionFailures();
		BindHandler handler = new ValidationBindHandler(new NoUnboundElementsBindHandler(conversions),
				this.beanValidation, this.rules);
		JobSpec spec = null;
		BindValidationException invalid = null;
		Set<ConfigurationProperty> unknown = Set.of();
		BindException other = null;
		try {
			spec = binder.bindOrCreate("", Bindable.of(JobSpec.class), handler);
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof BindValidationException validation) {
				invalid = validation;
				// Validation failing ends binding before the check for unknown
				// properties; a typo in a required name shows as both, and both help.
				unknown = unknownProperties(binder);
			}
			else if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
				unknown = unbound.getUnboundProperties();
			}
			else {
				other = ex;
			}
		}
		BindingProblems problems = new BindingProblems(file, yaml, source);
		conversions.failures().forEach(problems::conversion);
		if (other != null) {
			problems.other(other);
		}
		unknown.forEach(problems::unknown);
		if (invalid != null) {
			invalid.getValidationErrors().forEach(problems::invalid);
		}
		if (!problems.isEmpty() || spec == null) {
			throw new JobFileException(problems.sorted());
		}
		return spec;
	}

	private Set<ConfigurationProperty> unknownProperties(Binder binder) {
		try {
			binder.bind("", Bindable.of(JobSpec.class), new NoUnboundElementsBindHandler(new ConversionFailures()));
			return Set.of();
		}
		catch (BindException ex) {
			return (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound)
					? unbound.getUnboundProperties() : Set.of();
		}
	}

	private static byte[] read(Path path, String file) {
		try {
			if (Files.isDirectory(path)) {
				throw new JobFileException(List.of(JobFileProblem.ofFile(file, "is a directory, not a job file")));
			}
			return Files.readAllBytes(path);
		}
		catch (NoSuchFileException ex) {
			throw new JobFileException(List.of(JobFileProblem.ofFile(file, "file not found")), ex);
		}
		catch (AccessDeniedException ex) {
			throw new JobFileException(List.of(JobFileProblem.ofFile(file, "cannot be read: permission denied")), ex);
		}
		catch (IOException ex) {
			throw new JobFileException(List.of(JobFileProblem.ofFile(file, "cannot be read: " + reason(ex))), ex);
		}
	}

	private static String reason(IOException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
