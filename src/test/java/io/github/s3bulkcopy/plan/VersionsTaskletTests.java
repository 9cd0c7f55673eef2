package io.github.s3bulkcopy.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerProof;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.ledger.ProofCarrier;
import io.github.s3bulkcopy.ledger.VersionSequencer;
import io.github.s3bulkcopy.run.RunLauncher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions step of a run of the current versions: the previous run's verified copies
 * are carried into the plan only when the run skips unchanged objects (the job parameter
 * {@link RunLauncher#SKIP_EXISTING}), since no other run reads them. The run's contexts
 * are made with spring-batch-test's {@link MetaDataInstanceFactory} on a real JDBC job
 * repository.
 */
class VersionsTaskletTests {

	private static final LedgerProof EARLIER = new LedgerProof(1, "source-etag", 10, "destination-etag", null);

	@TempDir
	Path dir;

	private JdbcTemplate jdbc;

	private JdbcLedger ledger;

	private JobRepository jobRepository;

	private VersionsTasklet tasklet;

	@BeforeEach
	void setUp() throws Exception {
		EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.addScript("org/springframework/batch/core/schema-h2.sql")
			.addScript("db/ledger-schema.sql")
			.build();
		DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(database);
		JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
		factory.setDataSource(database);
		factory.setTransactionManager(transactionManager);
		factory.afterPropertiesSet();
		this.jobRepository = factory.getObject();
		this.jdbc = new JdbcTemplate(database);
		this.ledger = new JdbcLedger(this.jdbc);
		TransactionTemplate own = new TransactionTemplate(transactionManager);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.tasklet = new VersionsTasklet(spec(), new VersionSequencer(this.jdbc, own), () -> {
			throw new AssertionError("no version lookup expected");
		}, this.jobRepository, new ProofCarrier(this.jdbc, own));
	}

	@Test
	void aRunThatSkipsUnchangedObjectsGetsThePreviousRunsVerifiedCopies() throws Exception {
		long runId = secondRun(true);

		this.tasklet.execute(null, chunkContext(runId, true));

		assertThat(this.ledger.first(runId, 10)).extracting(PlannedObject::proof).containsExactly(EARLIER);
	}

	@Test
	void aRunThatCopiesEverythingIsNotGivenThem() throws Exception {
		long runId = secondRun(false);

		this.tasklet.execute(null, chunkContext(runId, false));

		assertThat(this.ledger.first(runId, 10)).extracting(PlannedObject::proof).containsOnlyNulls();
	}

	/** Run 1 verified a copy of "a"; run 2 plans "a" again. */
	private long secondRun(boolean skipExisting) {
		long first = this.jobRepository.createJobInstance("proofs", parameters(1, skipExisting)).getInstanceId();
		this.ledger.insertPlanned(first, List.of(object()));
		// What recordProofs writes for a verified copy, set directly: this test is about
		// the step, not the writer.
		this.jdbc.update("UPDATE BULK_LEDGER SET STATUS = 'COPIED', PROVEN_RUN = 1, PROVEN_SOURCE_ETAG = "
				+ "'source-etag', PROVEN_SIZE = 10, PROVEN_DESTINATION_ETAG = 'destination-etag' WHERE RUN_ID = ?",
				first);
		long second = this.jobRepository.createJobInstance("proofs", parameters(2, skipExisting)).getInstanceId();
		this.ledger.insertPlanned(second, List.of(object()));
		return second;
	}

	private static PlannedObject object() {
		return new PlannedObject(1, "src", "a", null, 10L, "source-etag", null, null, null, "a");
	}

	private static JobParameters parameters(long run, boolean skipExisting) {
		return new JobParametersBuilder().addLong(RunLauncher.RUN, run)
			.addString(RunLauncher.SKIP_EXISTING, Boolean.toString(skipExisting), false)
			.toJobParameters();
	}

	private ChunkContext chunkContext(long runId, boolean skipExisting) {
		JobExecution execution = MetaDataInstanceFactory.createJobExecution("proofs", runId, 1L,
				parameters(2, skipExisting));
		return new ChunkContext(
				new StepContext(MetaDataInstanceFactory.createStepExecution(execution, "versions", 1L)));
	}

	private JobSpec spec() throws IOException {
		Path file = this.dir.resolve("proofs.yml");
		Files.writeString(file, """
				name: proofs
				source:
				  bucket: src
				destination:
				  bucket: dst
				manifest:
				  type: listing
				""", StandardCharsets.UTF_8);
		return new JobFileLoader().load(file).spec();
	}

}
