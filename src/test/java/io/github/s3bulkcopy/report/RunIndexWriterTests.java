package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RunIndexWriterTests {

	@TempDir
	Path job;

	private final RunIndexWriter writer = new RunIndexWriter();

	@Test
	void listsEveryRunNewestFirstWithTheFactsOfItsSummary() throws IOException {
		summary(1, "COMPLETED", 10);
		summary(3, "FAILED", 30);
		summary(2, "COMPLETED", 20);
		Files.createDirectories(this.job.resolve("4"));
		Files.createDirectories(this.job.resolve("notes"));

		this.writer.write(this.job, 3);

		JsonNode index = index();
		assertThat(runs(index)).containsExactly(3L, 2L, 1L);
		JsonNode newest = index.get(0);
		assertThat(newest.get("status").asString()).isEqualTo("FAILED");
		assertThat(newest.get("exitCode").asInt()).isEqualTo(3);
		assertThat(newest.get("startTime").asString()).isEqualTo("2026-12-07T03:00:00Z");
		assertThat(newest.get("objects").get("copied").asLong()).isEqualTo(30);
		assertThat(newest.get("bytes").get("total").asLong()).isEqualTo(3000);
		assertThat(newest.get("manifest").asString()).isEqualTo("s3://inventory/3/manifest.json");
		assertThat(newest.get("report").asString()).isEqualTo("3/report.html");
		assertThat(Files.readString(this.job.resolve(RunIndexWriter.HTML)))
			.contains("Runs of job " + this.job.getFileName())
			.contains("3 run(s), newest first")
			.contains("<a href=\"3/report.html\">3</a>");
	}

	@Test
	void readsTheSummaryOfTheReportedRunAndKeepsTheOtherRunsFromTheIndex() throws IOException {
		summary(1, "COMPLETED", 10);
		summary(2, "FAILED", 20);
		this.writer.write(this.job, 2);
		// Run 2's set written again (a restart finished it); run 1's summary changed
		// behind the writer's back.
		summary(2, "COMPLETED", 25);
		summary(1, "STOPPED", 0);

		this.writer.write(this.job, 2);

		JsonNode index = index();
		assertThat(runs(index)).containsExactly(2L, 1L);
		assertThat(index.get(0).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(index.get(0).get("objects").get("copied").asLong()).isEqualTo(25);
		assertThat(index.get(1).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(index.get(1).get("objects").get("copied").asLong()).isEqualTo(10);
	}

	@Test
	void aRunMissingFromTheIndexIsReadFromItsSummaryAndARunWithoutASetIsLeftOut() throws IOException {
		summary(1, "COMPLETED", 10);
		summary(2, "COMPLETED", 20);
		this.writer.write(this.job, 2);
		// A set copied in by hand, and one removed.
		summary(5, "COMPLETED", 50);
		Files.delete(this.job.resolve("1").resolve(SummaryWriter.FILE_NAME));
		summary(6, "FAILED", 60);

		this.writer.write(this.job, 6);

		assertThat(runs(index())).containsExactly(6L, 5L, 2L);
	}

	@Test
	void aDamagedIndexIsWrittenAgainFromEveryRunsSummary() throws IOException {
		summary(1, "COMPLETED", 10);
		summary(2, "COMPLETED", 20);
		this.writer.write(this.job, 2);
		summary(1, "STOPPED", 0);
		Files.writeString(this.job.resolve(RunIndexWriter.JSON), "[ { \"run\": 2, ");
		summary(3, "COMPLETED", 30);

		this.writer.write(this.job, 3);

		JsonNode index = index();
		assertThat(runs(index)).containsExactly(3L, 2L, 1L);
		assertThat(index.get(2).get("status").asString()).isEqualTo("STOPPED");
	}

	@Test
	void aDamagedSummaryLeavesItsRunOutAndFailsNoLaterReport() throws IOException {
		summary(1, "COMPLETED", 10);
		Files.writeString(this.job.resolve("1").resolve(SummaryWriter.FILE_NAME), "{ \"runId\": ");
		summary(2, "COMPLETED", 20);

		this.writer.write(this.job, 2);

		assertThat(runs(index())).containsExactly(2L);
	}

	private void summary(long run, String status, long copied) throws IOException {
		Path folder = Files.createDirectories(this.job.resolve(Long.toString(run)));
		Files.writeString(folder.resolve(SummaryWriter.FILE_NAME), """
				{
				  "job" : "nightly",
				  "runId" : %d,
				  "status" : "%s",
				  "exitCode" : %d,
				  "startTime" : "2026-12-07T%02d:00:00Z",
				  "endTime" : "2026-12-07T%02d:30:00Z",
				  "manifest" : { "type" : "inventory", "location" : "s3://inventory/%d/manifest.json" },
				  "objects" : { "total" : %d, "copied" : %d },
				  "bytes" : { "total" : %d, "copied" : %d }
				}
				""".formatted(run, status, status.equals("COMPLETED") ? 0 : 3, run, run, run, copied, copied,
				copied * 100, copied * 100));
	}

	private JsonNode index() {
		return JsonMapper.builder().build().readTree(this.job.resolve(RunIndexWriter.JSON).toFile());
	}

	private static List<Long> runs(JsonNode index) {
		List<Long> runs = new ArrayList<>();
		index.forEach((entry) -> runs.add(entry.get("run").asLong()));
		return runs;
	}

}
