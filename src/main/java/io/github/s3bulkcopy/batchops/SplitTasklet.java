package io.github.s3bulkcopy.batchops;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.BatchLedger;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.manifest.ManifestException;
import io.github.s3bulkcopy.verify.Verification;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.Assert;

/**
 * batch-copy's split: Batch Operations copies objects up to 5 GiB
 * ({@code batch-operations.max-object-size}), so every planned object gets its size (HEAD
 * where the manifest did not state it), those up to the limit are written as a Batch
 * Operations CSV manifest to the report bucket, and the rest stay pending in the ledger
 * for this tool's own copy step. An object HEAD cannot find is recorded as failed here,
 * so nothing is silently left out.
 */
class SplitTasklet implements Tasklet {

	private static final int HEADS_AT_ONCE = 64;

	private static final String VERSIONS_CHECKED = "batch-copy.versions-checked";

	private final JobSpec spec;

	private final BatchLedger batchLedger;

	private final JdbcLedger ledger;

	private final S3AsyncClient sourceS3;

	private final BatchOperationsClients clients;

	private final BatchProgress progress;

	SplitTasklet(JobSpec spec, BatchLedger batchLedger, JdbcLedger ledger, S3AsyncClient sourceS3,
			BatchOperationsClients clients, BatchProgress progress) {
		Assert.notNull(spec.batchOperations(), "the job file has no batch-operations section");
		this.spec = spec;
		this.batchLedger = batchLedger;
		this.ledger = ledger;
		this.sourceS3 = sourceS3;
		this.clients = clients;
		this.progress = progress;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
		long runId = job.getJobInstance().getInstanceId();
		BatchOperationsSpec batch = this.spec.batchOperations();
		long limit = batch.maxObjectSize().bytes();
		ExecutionContext step = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		if (!step.containsKey(VERSIONS_CHECKED)) {
			refuseSeveralVersionsOfOneKey(runId);
			step.putString(VERSIONS_CHECKED, "true");
		}
		List<PlannedObject> unsized = this.batchLedger.pendingWithoutSize(runId, HEADS_AT_ONCE);
		if (!unsized.isEmpty()) {
			// One group per transaction: a resume HEADs only what is still without a
			// size.
			head(runId, unsized);
			return RepeatStatus.CONTINUABLE;
		}
		boolean versions = this.batchLedger.allNameVersions(runId, limit);
		Path csv = Files.createTempFile("batch-manifest-", ".csv");
		long rows = 0;
		try {
			try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
					Stream<PlannedObject> objects = this.batchLedger.pendingUpTo(runId, limit)) {
				for (PlannedObject object : (Iterable<PlannedObject>) objects::iterator) {
					out.write(csvRow(object, versions));
					rows++;
				}
			}
			long large = this.batchLedger.countPendingAbove(runId, limit);
			ExecutionContext context = job.getExecutionContext();
			context.putLong(BatchJobState.BATCH_OBJECTS, rows);
			context.putLong(BatchJobState.OWN_COPY_OBJECTS, large);
			if (rows == 0) {
				context.putString(BatchJobState.NO_AWS_JOB, "true");
				this.progress.line("nothing for Batch Operations: all " + large + " object(s) are larger than "
						+ batch.maxObjectSize() + " and are copied by this tool");
				return RepeatStatus.FINISHED;
			}
			String key = CompletionReport.join(batch.report().prefix(),
					"s3-bulk-copy/" + BatchOperation.COPY.jobName(this.spec.name()) + "/run-"
							+ job.getJobParameters().getLong(BatchRunLauncher.RUN) + "/manifest.csv");
			this.clients.objects(BatchOperation.COPY)
				.putObject((put) -> put.bucket(batch.report().bucket()).key(key).contentType("text/csv"),
						RequestBody.fromFile(csv));
			context.putString(BatchJobState.MANIFEST, "s3://" + batch.report().bucket() + "/" + key);
			context.putString(BatchJobState.MANIFEST_FORMAT, versions ? "csv-with-versions" : "csv");
			this.progress
				.line(String.format(java.util.Locale.ROOT,
						"split: %,d object(s) up to %s for Batch Operations (manifest s3://%s/%s), %,d larger for this "
								+ "tool's copy step",
						rows, batch.maxObjectSize(), batch.report().bucket(), key, large));
			return RepeatStatus.FINISHED;
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}

	/**
	 * Batch Operations Copy copies the objects of one job in no defined order, so of
	 * several versions of one key any could end up the destination's current one; S3
	 * Batch Replication keeps version ids and their order.
	 */
	private void refuseSeveralVersionsOfOneKey(long runId) {
		List<String> keys = this.batchLedger.keysWithSeveralVersions(runId, 4);
		if (keys.isEmpty()) {
			return;
		}
		String named = String.join(", ", keys.subList(0, Math.min(3, keys.size())))
				+ ((keys.size() > 3) ? ", ..." : "");
		throw new ManifestException("the manifest names more than one version of a key (" + named + "): S3 Batch "
				+ "Operations Copy copies the objects of a job in no defined order, so any of the versions could become "
				+ "the destination's current one. Use 'replicate' (S3 Batch Replication keeps version ids and their "
				+ "order), or a manifest with one version per key");
	}

	private void head(long runId, List<PlannedObject> objects) {
		List<CompletableFuture<Long>> sizes = new ArrayList<>();
		for (PlannedObject object : objects) {
			sizes.add(this.sourceS3.headObject(
					(head) -> head.bucket(object.sourceBucket()).key(object.sourceKey()).versionId(object.versionId()))
				.thenApply((response) -> response.contentLength())
				.exceptionally((error) -> {
					Throwable cause = (error instanceof CompletionException) ? error.getCause() : error;
					if (cause instanceof S3Exception s3 && s3.statusCode() == 404) {
						return -1L;
					}
					throw new CompletionException(cause);
				}));
		}
		List<ObjectOutcome> missing = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			PlannedObject object = objects.get(i);
			long size = sizes.get(i).join();
			if (size < 0) {
				Instant now = Instant.now();
				missing.add(new ObjectOutcome(object.seq(), ObjectStatus.FAILED, null, "NoSuchKey", 404,
						"the source object does not exist (HEAD before the split)",
						Verification.notVerified("not copied"), now, now));
			}
			else {
				this.batchLedger.setSize(runId, object.seq(), size);
			}
		}
		if (!missing.isEmpty()) {
			this.ledger.recordOutcomes(runId, missing);
		}
	}

	/**
	 * {@code bucket,key[,versionId]} with the key URL-encoded, as Batch Operations reads
	 * it.
	 */
	static String csvRow(PlannedObject object, boolean withVersion) {
		String key = URLEncoder.encode(object.sourceKey(), StandardCharsets.UTF_8).replace("+", "%20");
		return object.sourceBucket() + "," + key + ((withVersion) ? "," + object.versionId() : "") + "\n";
	}

}
