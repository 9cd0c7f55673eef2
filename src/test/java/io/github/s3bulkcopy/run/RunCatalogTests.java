package io.github.s3bulkcopy.run;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link RunCatalog} reads the runs from Spring Batch's tables with plain queries; what
 * it reads is what Spring Batch's job repository reports.
 */
class RunCatalogTests {

	@TempDir
	Path dir;

	private String savedUrl;

	@AfterEach
	void restoreUrl() {
		if (this.savedUrl != null) {
			System.setProperty("spring.datasource.url", this.savedUrl);
		}
		else {
			System.clearProperty("spring.datasource.url");
		}
	}

	@Test
	void runsAreWhatTheJobRepositoryReports() {
		this.savedUrl = System.getProperty("spring.datasource.url");
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + this.dir.resolve("db").toAbsolutePath());
		try (ConfigurableApplicationContext context = JobContexts.repository(Map.of())) {
			JobRepository repository = context.getBean(JobRepository.class);
			LocalDateTime t0 = LocalDateTime.of(2026, 11, 1, 2, 0, 0);
			// run 1: failed, then resumed and completed
			JobInstance first = repository.createJobInstance("alpha", run(1));
			execution(repository, first, run(1), BatchStatus.FAILED, ExitStatus.FAILED, t0, t0.plusMinutes(5));
			execution(repository, first, run(1), BatchStatus.COMPLETED, ExitStatus.COMPLETED, t0.plusMinutes(10),
					t0.plusMinutes(12));
			// run 2: going on
			JobInstance second = repository.createJobInstance("alpha", run(2));
			execution(repository, second, run(2), BatchStatus.STARTED, ExitStatus.EXECUTING, t0.plusHours(1), null);
			// a job started without a run parameter, and a dry run
			JobParameters other = new JobParametersBuilder().addString("x", "y").toJobParameters();
			JobInstance plain = repository.createJobInstance("beta", other);
			execution(repository, plain, other, BatchStatus.STOPPED, ExitStatus.STOPPED, t0, t0.plusSeconds(3));
			JobInstance dry = repository.createJobInstance("alpha.dry-run", run(1));
			execution(repository, dry, run(1), BatchStatus.COMPLETED, ExitStatus.COMPLETED, t0, t0);

			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			JdbcLedger ledger = new JdbcLedger(jdbc);
			RunCatalog catalog = new RunCatalog(ledger, jdbc);

			assertThat(catalog.jobNames()).containsExactly("alpha", "beta");
			assertThat(catalog.runs("alpha", 10)).containsExactlyElementsOf(expected(repository, ledger, "alpha", 10));
			assertThat(catalog.runs("alpha", 1)).containsExactlyElementsOf(expected(repository, ledger, "alpha", 1));
			assertThat(catalog.runs("beta", 10)).containsExactlyElementsOf(expected(repository, ledger, "beta", 10));
			assertThat(catalog.runs("alpha", 10))
				.extracting(RunCatalog.RunInfo::run, RunCatalog.RunInfo::executions, RunCatalog.RunInfo::status)
				.containsExactly(tuple(2L, 1, BatchStatus.STARTED), tuple(1L, 2, BatchStatus.COMPLETED));
			assertThat(catalog.runs("alpha", 10).get(1).startTime()).isEqualTo(t0);
			assertThat(catalog.runs("beta", 10).get(0).run()).isEqualTo(plain.getInstanceId());
		}
	}

	private static JobParameters run(long run) {
		return new JobParametersBuilder().addLong(RunLauncher.RUN, run).toJobParameters();
	}

	private static void execution(JobRepository repository, JobInstance instance, JobParameters parameters,
			BatchStatus status, ExitStatus exit, LocalDateTime start, LocalDateTime end) {
		JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStartTime(start);
		execution.setEndTime(end);
		execution.setStatus(status);
		execution.setExitStatus(exit);
		repository.update(execution);
	}

	/** The runs as read through Spring Batch's job repository. */
	private static List<RunCatalog.RunInfo> expected(JobRepository repository, JdbcLedger ledger, String job, int max) {
		List<RunCatalog.RunInfo> runs = new ArrayList<>();
		for (JobInstance instance : repository.getJobInstances(job, 0, max)) {
			List<JobExecution> executions = repository.getJobExecutions(instance);
			JobExecution latest = executions.stream().max((a, b) -> Long.compare(a.getId(), b.getId())).orElseThrow();
			LocalDateTime start = executions.stream()
				.map(JobExecution::getStartTime)
				.filter((time) -> time != null)
				.min(LocalDateTime::compareTo)
				.orElse(null);
			runs.add(new RunCatalog.RunInfo(job, RunLauncher.runNumber(latest), instance.getInstanceId(),
					latest.getStatus(), latest.getExitStatus().getExitCode(), start, latest.getEndTime(),
					executions.size(), ledger.totals(instance.getInstanceId()), null, latest.getStartTime()));
		}
		return runs;
	}

}
