package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The index of a job's runs: {@code <report root>/<job>/index.json} and
 * {@code index.html}, listing every run whose report set is in the job's folder with its
 * status, counts and manifest, newest first. Rebuilt from the runs' {@code summary.json}
 * files after each report, so it never disagrees with them and survives any run's loss.
 */
public class RunIndexWriter {

	public static final String JSON = "index.json";

	public static final String HTML = "index.html";

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Rewrites the index of the job whose report sets are the numbered folders of
	 * {@code jobFolder}.
	 */
	public void write(Path jobFolder) throws IOException {
		List<JsonNode> runs = new ArrayList<>();
		try (Stream<Path> children = Files.list(jobFolder)) {
			for (Path child : children.filter((c) -> c.getFileName().toString().matches("\\d+")).toList()) {
				Path summary = child.resolve(SummaryWriter.FILE_NAME);
				if (Files.isRegularFile(summary)) {
					runs.add(this.json.readTree(summary.toFile()));
				}
			}
		}
		runs.sort(Comparator.comparingLong((JsonNode run) -> run.path("runId").asLong()).reversed());
		ArrayNode index = this.json.createArrayNode();
		for (JsonNode run : runs) {
			ObjectNode entry = index.addObject();
			entry.put("run", run.path("runId").asLong());
			entry.put("status", run.path("status").asString());
			entry.put("exitCode", run.path("exitCode").asInt());
			entry.put("startTime", run.path("startTime").asString());
			entry.put("endTime", run.path("endTime").asString());
			entry.set("objects", run.path("objects"));
			entry.set("bytes", run.path("bytes"));
			entry.put("manifest", run.path("manifest").path("location").asString(""));
			entry.put("report", run.path("runId").asLong() + "/" + HtmlReportWriter.FILE_NAME);
		}
		String job = jobFolder.getFileName().toString();
		AtomicFiles.write(jobFolder.resolve(JSON), (out) -> {
			out.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(index));
			out.write('\n');
			return null;
		});
		AtomicFiles.write(jobFolder.resolve(HTML), (out) -> {
			out.write(html(job, index));
			return null;
		});
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
