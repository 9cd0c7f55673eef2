package io.github.s3bulkcopy.run;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.plan.PlanStep;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run planned from a live listing is planned in key order, which its report then reads
 * without sorting: the report lists every object once, sorted by key, as a run planned
 * out of order (a CSV manifest) does after the sort.
 */
class ListingReportOrderFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private JobFixture fixture;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "order");
	}

	@Test
	void aListedRunIsReportedInKeyOrderWithoutSortingAndACsvRunTheSameAfterSorting() throws Exception {
		// given: keys in several folders (listed at once) and at the top, some whose
		// order by character differs from their order by number
		List<String> keys = new ArrayList<>(List.of("top-2", "top-10", "a b/x", "a+b/y", "café/1", "data/1", "data/10",
				"data/2", "data/sub/1", "logs/2025/01.log", "logs/2025/02.log", "z"));
		for (String key : keys) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, key, "content of " + key);
		}
		List<String> sorted = keys.stream().sorted().toList();

		// when: a run from the listing
		Path listed = this.fixture.jobFile("listed", "", "", "type: listing", "");
		JobFixture.Result run = this.fixture.run("copy", "--job", listed.toString(), "--quiet");

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(keysOf(this.fixture.reportRows("listed", 1))).containsExactlyElementsOf(sorted);
		assertThat(PlanStep.inKeyOrder(jobContext("listed"))).isTrue();

		// when: the same keys from a CSV manifest in reverse order
		List<String> reversed = new ArrayList<>(sorted);
		Collections.reverse(reversed);
		StringBuilder manifest = new StringBuilder();
		for (String key : reversed) {
			manifest.append(this.fixture.sourceBucket)
				.append(',')
				.append(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20"))
				.append('\n');
		}
		Path csv = Files.writeString(this.dir.resolve("keys.csv"), manifest.toString(), StandardCharsets.UTF_8);
		Path fromCsv = this.fixture.jobFile("from-csv", "", "", "type: csv\nlocation: " + csv.toAbsolutePath(), "");
		JobFixture.Result csvRun = this.fixture.run("copy", "--job", fromCsv.toString(), "--quiet");

		// then: sorted all the same
		assertThat(csvRun.exitCode()).as(csvRun.toString()).isZero();
		assertThat(keysOf(this.fixture.reportRows("from-csv", 1))).containsExactlyElementsOf(sorted);
		assertThat(PlanStep.inKeyOrder(jobContext("from-csv"))).isFalse();
	}

	private static List<String> keysOf(List<Map<String, String>> rows) {
		return rows.stream().map((row) -> row.get("Key")).toList();
	}

	/** The job context of the job's last execution, as the job repository stored it. */
	private ExecutionContext jobContext(String job) throws Exception {
		try (Connection connection = DriverManager.getConnection(this.fixture.databaseUrl(), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT c.SHORT_CONTEXT FROM BATCH_JOB_EXECUTION_CONTEXT c "
						+ "JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = c.JOB_EXECUTION_ID "
						+ "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = '"
						+ job + "' ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY")) {
			assertThat(rs.next()).as("an execution of " + job).isTrue();
			Map<String, Object> map = new DefaultExecutionContextSerializer()
				.deserialize(new ByteArrayInputStream(rs.getString(1).getBytes(StandardCharsets.ISO_8859_1)));
			return new ExecutionContext(map);
		}
	}

}
