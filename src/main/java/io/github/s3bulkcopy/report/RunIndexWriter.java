package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The index of a job's runs: {@code <report root>/<job>/index.json} and
 * {@code index.html}, listing every run whose report set is in the job's folder with its
 * status, counts and manifest, newest first. Written after each report from the run
 * folders that hold a {@code summary.json}: the run just reported is read from its
 * summary, every other run's entry is kept from the index as it was (a job run every hour
 * has thousands of runs, and reading all their summaries took seconds at each report).
 * Where the index lacks a run or cannot be read, the run's summary is read instead, so
 * the index survives any run's loss and its own.
 */
public class RunIndexWriter {

	public static final String JSON = "index.json";

	public static final String HTML = "index.html";

	private static final Logger logger = LoggerFactory.getLogger(RunIndexWriter.class);

	/**
	 * Rewrites the index of the job whose report sets are the numbered folders of
	 * {@code jobFolder}, after the report set of run {@code reported} was written.
	 */
	public void write(Path jobFolder, long reported) throws IOException {
		Map<Long, JsonNode> indexed = indexed(jobFolder.resolve(JSON));
		List<JsonNode> runs = new ArrayList<>();
		try (Stream<Path> children = Files.list(jobFolder)) {
			for (Path child : children.filter((c) -> c.getFileName().toString().matches("\\d+")).toList()) {
				Path summary = child.resolve(SummaryWriter.FILE_NAME);
				if (!Files.isRegularFile(summary)) {
					continue;
				}
				long run = Long.parseLong(child.getFileName().toString());
				JsonNode entry = (run != reported) ? indexed.get(run) : null;
				if (entry == null) {
					entry = entry(summary);
				}
				if (entry != null) {
					runs.add(entry);
				}
			}
		}
		runs.sort(Comparator.comparingLong((JsonNode run) -> run.path("run").asLong()).reversed());
		ArrayNode index = ReportJson.MAPPER.createArrayNode();
		index.addAll(runs);
		String job = jobFolder.getFileName().toString();
		AtomicFiles.write(jobFolder.resolve(JSON), (out) -> {
			out.write(ReportJson.MAPPER.writeValueAsString(index));
			out.write('\n');
			return null;
		});
		AtomicFiles.write(jobFolder.resolve(HTML), (out) -> {
			out.write(html(job, index));
			return null;
		});
	}

	/**
	 * The entries of the index as it is, by run; none when there is none or it is
	 * damaged.
	 */
	private Map<Long, JsonNode> indexed(Path file) {
		Map<Long, JsonNode> entries = new HashMap<>();
		if (!Files.isRegularFile(file)) {
			return entries;
		}
		try {
			for (JsonNode entry : ReportJson.MAPPER.readTree(file.toFile())) {
				if (entry.path("run").canConvertToLong()) {
					entries.put(entry.path("run").asLong(), entry);
				}
			}
		}
		catch (JacksonException ex) {
			logger.warn("{} cannot be read ({}); it is written again from the runs' summaries", file,
					ex.getOriginalMessage());
			entries.clear();
		}
		return entries;
	}

	/**
	 * A run's entry from its summary; null, with a warning, when the summary is damaged.
	 */
	private @Nullable ObjectNode entry(Path summary) {
		JsonNode run;
		try {
			run = ReportJson.MAPPER.readTree(summary.toFile());
		}
		catch (JacksonException ex) {
			logger.warn("{} cannot be read ({}); the run is left out of the job's index", summary,
					ex.getOriginalMessage());
			return null;
		}
		ObjectNode entry = ReportJson.MAPPER.createObjectNode();
		entry.put("run", run.path("runId").asLong());
		entry.put("status", run.path("status").asString());
		entry.put("exitCode", run.path("exitCode").asInt());
		entry.put("startTime", run.path("startTime").asString());
		entry.put("endTime", run.path("endTime").asString());
		entry.set("objects", run.path("objects"));
		entry.set("bytes", run.path("bytes"));
		entry.put("manifest", run.path("manifest").path("location").asString(""));
		entry.put("report", run.path("runId").asLong() + "/" + HtmlReportWriter.FILE_NAME);
		return entry;
	}

	private static String html(String job, ArrayNode runs) {
		Html page = new Html();
		page.raw("<!DOCTYPE html>\n");
		page.open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8");
		page.element("title", "Runs of job " + job);
		page.element("style", "body{font:14px system-ui,sans-serif;margin:2em;color:#1b1f24}table{border-collapse:"
				+ "collapse}th,td{padding:.35em .8em;border-bottom:1px solid #d8dee4;text-align:right}th:nth-child(2),"
				+ "td:nth-child(2),td:last-child{text-align:left}.COMPLETED{color:#1a7f37}.FAILED,.STOPPED,"
				+ ".COMPLETED_WITH_FAILURES{color:#cf222e}");
		page.close("head").open("body");
		page.element("h1", "Runs of job " + job);
		page.element("p", runs.size() + " run(s), newest first; each links to its own report.");
		page.open("table").open("tr");
		for (String heading : List.of("Run", "Status", "Started", "Objects", "Copied", "Skipped", "Failed", "Pending",
				"Archived", "Restore pending", "Manifest")) {
			page.element("th", heading);
		}
		page.close("tr");
		for (JsonNode run : runs) {
			JsonNode objects = run.path("objects");
			page.open("tr");
			page.open("td")
				.element("a", Long.toString(run.path("run").asLong()), "href", run.path("report").asString())
				.close("td");
			page.element("td", run.path("status").asString(), "class", run.path("status").asString());
			page.element("td", run.path("startTime").asString().replace('T', ' '));
			for (String count : List.of("total", "copied", "skipped", "failed", "pending", "archived",
					"restorePending")) {
				page.element("td", String.format(Locale.ROOT, "%,d", objects.path(count).asLong()));
			}
			page.element("td", run.path("manifest").asString());
			page.close("tr");
		}
		page.close("table").close("body").close("html").newline();
		return page.toString();
	}

}
