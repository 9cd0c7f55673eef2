package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code SHA256SUMS}: the SHA-256 of every other file of a report set, in the format
 * {@code sha256sum} writes and {@code sha256sum -c} checks
 * ({@code <64 hex digits><two spaces><path>}, one file a line, paths relative to the
 * set's folder with {@code /} separators, sorted). Written last, so its presence also
 * means the set is complete; any later change, removal or addition of a file is found by
 * {@link #verify(Path)}.
 */
public final class ReportChecksums {

	/** The file's name inside a report set. */
	public static final String FILE_NAME = "SHA256SUMS";

	private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

	private ReportChecksums() {
	}

	/**
	 * Writes {@code SHA256SUMS} into {@code folder} for the given files.
	 * @param folder the report set's folder
	 * @param files the set's files, relative to {@code folder} with {@code /} separators
	 * @return the file written
	 */
	static Path write(Path folder, List<String> files) throws IOException {
		return write(folder, files, Map.of());
	}

	/**
	 * Writes {@code SHA256SUMS} into {@code folder} for the given files, taking the
	 * SHA-256 of those in {@code known} from there instead of reading them.
	 * @param folder the report set's folder
	 * @param files the set's files, relative to {@code folder} with {@code /} separators
	 * @param known SHA-256 (lower-case hex) of some of the files, computed as they were
	 * written, by file
	 * @return the file written
	 */
	static Path write(Path folder, List<String> files, Map<String, String> known) throws IOException {
		Objects.requireNonNull(folder, "folder is required");
		StringBuilder sums = new StringBuilder();
		for (String file : new TreeSet<>(files)) {
			if (file.contains("\n") || file.contains("\\") || file.equals(FILE_NAME)) {
				throw new IllegalArgumentException("'" + file + "' cannot be listed in " + FILE_NAME);
			}
			String sha256 = known.get(file);
			sums.append((sha256 != null) ? sha256 : Digests.sha256(folder.resolve(file)))
				.append("  ")
				.append(file)
				.append('\n');
		}
		Path target = folder.resolve(FILE_NAME);
		AtomicFiles.write(target, (out) -> {
			out.write(sums.toString());
			return null;
		});
		return target;
	}

	/**
	 * Checks a report set against its {@code SHA256SUMS}.
	 * @param folder the report set's folder
	 * @return what matched and what did not
	 * @throws NoSuchFileException if the folder has no {@code SHA256SUMS}: it is no
	 * (complete) report set
	 */
	public static Check verify(Path folder) throws IOException {
		Path sumsFile = folder.resolve(FILE_NAME);
		if (!Files.isRegularFile(sumsFile)) {
			throw new NoSuchFileException(sumsFile.toString(), null,
					"no " + FILE_NAME + ": not a report set, or one whose writing did not finish");
		}
		Map<String, String> expected = new LinkedHashMap<>();
		List<String> malformed = new ArrayList<>();
		List<String> lines = Files.readAllLines(sumsFile, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			Matcher matcher = LINE.matcher(lines.get(i));
			if (matcher.matches() && !matcher.group(2).startsWith("/") && !matcher.group(2).contains("..")) {
				expected.put(matcher.group(2), matcher.group(1).toLowerCase(java.util.Locale.ROOT));
			}
			else if (!lines.get(i).isEmpty()) {
				malformed.add("line " + (i + 1) + ": " + lines.get(i));
			}
		}
		List<String> ok = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, String> file : expected.entrySet()) {
			Path path = folder.resolve(file.getKey());
			if (!Files.isRegularFile(path)) {
				missing.add(file.getKey());
			}
			else if (Digests.sha256(path).equals(file.getValue())) {
				ok.add(file.getKey());
			}
			else {
				changed.add(file.getKey());
			}
		}
		List<String> extra = new ArrayList<>();
		try (Stream<Path> files = Files.walk(folder)) {
			files.filter(Files::isRegularFile)
				.map((path) -> folder.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"))
				.filter((name) -> !name.equals(FILE_NAME) && !expected.containsKey(name))
				.sorted()
				.forEach(extra::add);
		}
		return new Check(ok, changed, missing, extra, malformed);
	}

	/**
	 * The outcome of checking a report set.
	 *
	 * @param ok files whose SHA-256 matches
	 * @param changed files whose SHA-256 differs
	 * @param missing files listed but absent
	 * @param extra files present but not listed
	 * @param malformed lines of {@code SHA256SUMS} that are not {@code <sha256>  <path>}
	 */
	public record Check(List<String> ok, List<String> changed, List<String> missing, List<String> extra,
			List<String> malformed) {

		/** Whether every listed file is there unchanged and nothing else is. */
		public boolean intact() {
			return this.changed.isEmpty() && this.missing.isEmpty() && this.extra.isEmpty() && this.malformed.isEmpty()
					&& !this.ok.isEmpty();
		}

	}

}
