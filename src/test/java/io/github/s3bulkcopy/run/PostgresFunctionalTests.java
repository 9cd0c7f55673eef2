package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalPostgres;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy job with its job repository and ledger on PostgreSQL (a real server,
 * {@link LocalPostgres}) instead of the embedded H2 file: the same command line, the same
 * results, and the rows where they belong.
 */
class PostgresFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private JobFixture fixture;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	private LocalPostgres.Database database;

	@BeforeEach
	void bucketsAndDatabase() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "pg");
		this.database = LocalPostgres.database();
		System.setProperty("spring.datasource.url", this.database.url());
		System.setProperty("spring.datasource.username", LocalPostgres.Database.USER);
		System.setProperty("spring.datasource.password", "");
	}

	@AfterEach
	void defaultDatabase() {
		System.clearProperty("spring.datasource.url");
		System.clearProperty("spring.datasource.username");
		System.clearProperty("spring.datasource.password");
	}

	@Test
	void aCopyJobOnPostgresCopiesEveryObjectReportsItAndKeepsItsLedgerThere() throws IOException {
		// given
		Map<String, byte[]> objects = new LinkedHashMap<>();
		for (int i = 0; i < 25; i++) {
			objects.put(String.format("pg/%02d/object-%03d.bin", i % 3, i), S3TestData.randomBytes(50 + i * 41));
		}
		objects.forEach((key, content) -> S3TestData.put(this.s3, this.fixture.sourceBucket, key, content));
		Path job = this.fixture.jobFile("pg-job", "pg/", "copied/", "type: listing", """
				copy:
				  partitions: 3
				  chunk-size: 4
				verify:
				  require: true
				""");

		// when
		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());
		JobFixture.Result status = this.fixture.run("status", "--job", job.toString());

		// then
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("25 copied").contains("25 verified");
		for (Map.Entry<String, byte[]> object : objects.entrySet()) {
			assertThat(S3TestData.readBytes(this.s3, this.fixture.destinationBucket,
					"copied/" + object.getKey().substring("pg/".length())))
				.as(object.getKey())
				.isEqualTo(object.getValue());
		}
		List<Map<String, String>> rows = this.fixture.reportRows("pg-job", 1);
		assertThat(rows).hasSize(25).allSatisfy((row) -> assertThat(row.get("Verified")).isEqualTo("VERIFIED"));
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.out()).contains("COMPLETED");
		JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BULK_LEDGER WHERE STATUS = 'COPIED'", Long.class))
			.isEqualTo(25);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'pg-job'", Long.class))
			.isEqualTo(1);
	}

}
