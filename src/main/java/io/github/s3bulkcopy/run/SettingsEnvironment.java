package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The environment a command's application context would have, made without one, for a
 * command that only reads the job database ({@code status}).
 * <p>
 * In general that is Spring Boot's environment post-processors applied in their order to
 * the system properties and environment variables. But where nothing steers Spring Boot's
 * config data (no {@code spring.config.*} or {@code spring.profiles.*} property, no
 * {@code SPRING_APPLICATION_JSON}) and no application file lies where it looks (the
 * working directory, {@code ./config} and the folders in it, the class path's
 * {@code config/}) but the class path's own {@code application.properties}, config data
 * would add that file alone, after the system properties and environment variables. Then
 * this environment adds it itself, with Spring Boot's loader: the same properties in the
 * same order, without the post-processors and the {@link SpringApplication} they take:
 * 0.72 against 0.78 CPU s for a {@code status} (docs/performance.md).
 */
final class SettingsEnvironment {

	/** Where Spring Boot's config data looks, besides the class path's root. */
	private static final List<String> CLASS_PATH_FOLDERS = List.of("", "config/");

	/**
	 * The profile whose files config data reads when no profile is active, as none is
	 * here.
	 */
	private static final String DEFAULT_PROFILE = "default";

	private static final String DEFAULTS = "application.properties";

	/**
	 * Properties that steer what config data reads; any of them set, and the
	 * post-processors resolve the environment.
	 */
	private static final List<ConfigurationPropertyName> STEERING = List.of(
			ConfigurationPropertyName.of("spring.config"), ConfigurationPropertyName.of("spring.profiles"),
			ConfigurationPropertyName.of("spring.application.json"));

	private SettingsEnvironment() {
	}

	/** The environment for a command run in the JVM's working directory. */
	static ConfigurableEnvironment resolve() {
		return resolve(Path.of(""));
	}

	static ConfigurableEnvironment resolve(Path workingDirectory) {
		ConfigurableEnvironment environment = new StandardEnvironment();
		RandomValuePropertySource.addToEnvironment(environment);
		List<PropertySource<?>> defaults = defaultsAlone(environment, workingDirectory);
		if (defaults != null) {
			defaults.forEach(environment.getPropertySources()::addLast);
			return environment;
		}
		return postProcessed();
	}

	/**
	 * The class path's {@code application.properties}, loaded, when config data would add
	 * it alone to this environment; {@code null} otherwise.
	 */
	static @Nullable List<PropertySource<?>> defaultsAlone(ConfigurableEnvironment environment, Path workingDirectory) {
		if (steered(environment)) {
			return null;
		}
		ClassLoader classLoader = SettingsEnvironment.class.getClassLoader();
		List<String> names = fileNames(SpringFactoriesLoader.loadFactories(PropertySourceLoader.class, classLoader));
		for (String folder : CLASS_PATH_FOLDERS) {
			for (String name : names) {
				if (!(folder + name).equals(DEFAULTS) && classLoader.getResource(folder + name) != null) {
					return null;
				}
			}
		}
		if (anyFile(workingDirectory, names)) {
			return null;
		}
		ClassPathResource resource = new ClassPathResource(DEFAULTS, classLoader);
		if (!resource.exists()) {
			return List.of();
		}
		List<PropertySource<?>> loaded = load(resource);
		// A multi-document file may hold documents for profiles only; one that steers
		// config data itself (spring.config.import) needs config data.
		if (loaded.size() != 1 || steered(loaded)) {
			return null;
		}
		return loaded;
	}

	private static boolean steered(ConfigurableEnvironment environment) {
		return steered(environment.getPropertySources());
	}

	private static boolean steered(Iterable<PropertySource<?>> sources) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.from(sources)) {
			for (ConfigurationPropertyName name : STEERING) {
				if (source.getConfigurationProperty(name) != null
						|| source.containsDescendantOf(name) != ConfigurationPropertyState.ABSENT) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * {@code application.EXT} and {@code application-default.EXT} for every loader's
	 * extensions.
	 */
	private static List<String> fileNames(List<PropertySourceLoader> loaders) {
		List<String> names = new ArrayList<>();
		for (PropertySourceLoader loader : loaders) {
			for (String extension : loader.getFileExtensions()) {
				names.add("application." + extension);
				names.add("application-" + DEFAULT_PROFILE + "." + extension);
			}
		}
		return names;
	}

	/** Whether any of these files is in the folder, in ./config, or in a folder in it. */
	private static boolean anyFile(Path workingDirectory, List<String> names) {
		List<Path> folders = new ArrayList<>(List.of(workingDirectory, workingDirectory.resolve("config")));
		if (Files.isDirectory(folders.get(1))) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(folders.get(1), Files::isDirectory)) {
				entries.forEach(folders::add);
			}
			catch (IOException ex) {
				// Config data cannot read it either, and says why.
				return true;
			}
		}
		for (Path folder : folders) {
			for (String name : names) {
				if (Files.exists(folder.resolve(name))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The file as config data loads it: with Spring Boot's loader of properties files.
	 */
	private static List<PropertySource<?>> load(ClassPathResource resource) {
		try {
			return new PropertiesPropertySourceLoader()
				.load("Config resource '" + resource + "' via location 'optional:classpath:/'", resource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Spring Boot's environment post-processors applied in their order to the system
	 * properties and environment variables.
	 */
	static ConfigurableEnvironment postProcessed() {
		ConfigurableEnvironment environment = new StandardEnvironment();
		SpringApplication application = new SpringApplication();
		for (EnvironmentPostProcessor processor : EnvironmentPostProcessorsFactory
			.fromSpringFactories(application.getClassLoader())
			.getEnvironmentPostProcessors(Supplier::get, new DefaultBootstrapContext())) {
			processor.postProcessEnvironment(environment, application);
		}
		return environment;
	}

}
