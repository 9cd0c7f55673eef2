package io.github.s3bulkcopy.jobfile.loading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.UnicodeReader;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Reads the YAML of a job file into flat, origin-tracked properties
 * ({@code copy.part-size} with its line), the form Spring Boot's binder reads. A job file
 * is one YAML document whose top level is a mapping.
 */
final class JobFileYaml {

	private static final String EXPECTED = "expected properties such as 'name: copy-logs' at the top level";

	private JobFileYaml() {
	}

	/**
	 * The properties of a job file.
	 * @param file the file's name as the user wrote it, for messages
	 * @param bytes the file's content
	 * @throws JobFileException if the file is not valid YAML, is empty, or is not one
	 * mapping
	 */
	static EnumerablePropertySource<?> read(String file, byte[] bytes) {
		try {
			checkShape(file, bytes);
			List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(file,
					new ByteArrayResource(bytes, file));
			if (documents.isEmpty()) {
				throw empty(file);
			}
			return (EnumerablePropertySource<?>) documents.get(0);
		}
		catch (MarkedYAMLException ex) {
			throw new JobFileException(List.of(notYaml(file, ex)));
		}
		catch (YAMLException ex) {
			String reason = (ex.getCause() instanceof CharacterCodingException) ? "is not UTF-8 text"
					: "not valid YAML: " + firstLine(ex);
			throw new JobFileException(List.of(JobFileProblem.ofFile(file, reason)));
		}
		catch (IOException ex) {
			// The bytes are in memory; a loader that still fails to read them is a bug,
			// not a user error.
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One document, and a mapping: Boot would quietly turn a list or a scalar into a
	 * property named "document".
	 */
	private static void checkShape(String file, byte[] bytes) {
		List<Node> documents = new ArrayList<>();
		Yaml yaml = new Yaml(new LoaderOptions());
		for (Node document : yaml.composeAll(new UnicodeReader(new ByteArrayInputStream(bytes)))) {
			documents.add(document);
		}
		if (documents.isEmpty()) {
			throw empty(file);
		}
		if (documents.size() > 1) {
			throw at(file, documents.get(1).getStartMark(), "holds " + documents.size()
					+ " YAML documents; a job file is one (remove the '---' separator and what follows it)");
		}
		Node root = documents.get(0);
		if (root instanceof SequenceNode) {
			throw at(file, root.getStartMark(), "is not a job file: " + EXPECTED + ", found a list");
		}
		if (!(root instanceof MappingNode)) {
			throw at(file, root.getStartMark(), "is not a job file: " + EXPECTED + ", found a single value");
		}
	}

	private static JobFileException empty(String file) {
		return new JobFileException(List.of(JobFileProblem.ofFile(file,
				"is empty: a job file needs at least name, source, destination and manifest (see jobs/example.yml)")));
	}

	private static JobFileException at(String file, Mark mark, String reason) {
		return new JobFileException(List.of(new JobFileProblem(file, mark.getLine() + 1, 0, null, reason)));
	}

	/**
	 * Only snakeyaml's problem and context, never its message: the message quotes the
	 * offending line, and that line may hold a value that must not be echoed.
	 */
	private static JobFileProblem notYaml(String file, MarkedYAMLException ex) {
		Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
		StringBuilder reason = new StringBuilder("not valid YAML: ").append(orUnknown(ex.getProblem()));
		if (ex.getContext() != null && ex.getContextMark() != null && mark != ex.getContextMark()) {
			reason.append(" (")
				.append(ex.getContext())
				.append(" that starts on line ")
				.append(ex.getContextMark().getLine() + 1)
				.append(')');
		}
		if (mark == null) {
			return JobFileProblem.ofFile(file, reason.toString());
		}
		return new JobFileProblem(file, mark.getLine() + 1, mark.getColumn() + 1, null, reason.toString());
	}

	private static String orUnknown(@Nullable String problem) {
		return (problem != null) ? problem : "unreadable";
	}

	private static String firstLine(YAMLException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
