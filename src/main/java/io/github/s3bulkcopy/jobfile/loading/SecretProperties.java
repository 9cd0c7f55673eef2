package io.github.s3bulkcopy.jobfile.loading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * Keeps credentials out of job files. Job files are reviewed, committed and attached to
 * tickets; an access key in one is a leaked key. Any property whose name says it holds a
 * secret, and any value that looks like an access key id, rejects the file before
 * binding, so no later message can echo the value.
 */
public final class SecretProperties {

	public static final String NEVER_IN_JOB_FILES = "credentials are never read from job files: use role-arn, profile or "
			+ "the default chain";

	/**
	 * Name parts, lower-cased with separators removed, that mark a property as holding a
	 * secret.
	 */
	private static final List<String> SECRET_WORDS = List.of("secret", "accesskey", "token", "password", "passwd",
			"privatekey", "apikey");

	private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b");

	private static final Pattern NAME_PARTS = Pattern.compile("[.\\[\\]]+");

	private SecretProperties() {
	}

	/** The problems to report, naming each property but never its value. */
	static List<JobFileProblem> find(String file, EnumerablePropertySource<?> properties) {
		List<JobFileProblem> problems = new ArrayList<>();
		for (String name : properties.getPropertyNames()) {
			int line = OriginLines.of(properties, name);
			if (ACCESS_KEY_ID.matcher(name).find()) {
				problems.add(new JobFileProblem(file, line, 0, null,
						"a property name looks like an AWS access key id: " + NEVER_IN_JOB_FILES));
			}
			else if (hasSecretName(name)) {
				problems.add(new JobFileProblem(file, line, 0, name, NEVER_IN_JOB_FILES));
			}
			else if (properties.getProperty(name) instanceof CharSequence value
					&& ACCESS_KEY_ID.matcher(value).find()) {
				problems.add(new JobFileProblem(file, line, 0, name,
						"looks like an AWS access key id: " + NEVER_IN_JOB_FILES));
			}
		}
		return problems;
	}

	static boolean hasSecretName(String name) {
		for (String part : NAME_PARTS.split(name)) {
			String word = part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			if (SECRET_WORDS.stream().anyMatch(word::contains)) {
				return true;
			}
		}
		return false;
	}

}
