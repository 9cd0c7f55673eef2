package io.github.s3bulkcopy.batchops;

import java.nio.file.Path;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code filter} section with batch-copy: the manifest handed to S3 Batch Operations
 * names the selected objects only, and the summary counts what each filter left out.
 */
class BatchCopyFilterFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	@AutoClose
	private BatchFixture fixture;

	@BeforeEach
	void fixture() throws Exception {
		this.fixture = new BatchFixture(this.dir);
	}

	@Test
	void batchCopyPlansOnlyTheSelectedObjects() throws Exception {
		for (int i = 0; i < 6; i++) {
			this.fixture.put("logs/" + i + ".log", "log line " + i);
		}
		this.fixture.put("logs/tmp/x.log", "temporary");
		this.fixture.put("logs/with space+plus [1].log", "awkward");
		this.fixture.put("readme.txt", "read me");
		Path job = this.fixture.jobFile("bo-filter", "copied/", "type: listing", "", """
				filter:
				  include: ["logs/*.log"]
				  exclude: ["**/5.log"]
				""");

		JobFixture.Result result = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.fixture.destinationKeys()).containsExactlyInAnyOrder("copied/logs/0.log", "copied/logs/1.log",
				"copied/logs/2.log", "copied/logs/3.log", "copied/logs/4.log", "copied/logs/with space+plus [1].log");
		assertThat(this.fixture.reportRows("bo-filter.batch-copy", 1)).hasSize(6);
		JsonNode summary = JsonMapper.builder().build().readTree(this.fixture.summary("bo-filter.batch-copy", 1));
		assertThat(summary.get("filteredOut").get("include").asLong()).isEqualTo(2);
		assertThat(summary.get("filteredOut").get("exclude").asLong()).isEqualTo(1);
	}

	@Test
	void replicateRefusesAFilterItCouldNotApply() throws Exception {
		Path job = this.fixture.jobFile("bo-replicate", "", "type: listing", "", """
				filter:
				  exclude: ["**/tmp/**"]
				""");

		JobFixture.Result result = this.fixture.run("replicate", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("replicate hands the manifest to S3 Batch Operations without planning it")
			.contains("batch-operations.manifest-generator");
		assertThat(this.fixture.control.createJobRequests()).isEmpty();
	}

}
