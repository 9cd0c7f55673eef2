package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.s3bulkcopy.report.LedgerRows.FINISHED;
import static io.github.s3bulkcopy.report.LedgerRows.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CompletionReportWriterTests {

	private static final String HEADER_LINE = "Bucket,Key,VersionId,TaskStatus,ErrorCode,HTTPStatusCode,ResultMessage,"
			+ "DestinationBucket,DestinationKey,Size,VerificationMethod,SourceChecksum,DestinationChecksum,Verified,"
			+ "Outcome,VerificationDetail,StartedAt,FinishedAt,DestinationVersionId\n";

	@TempDir
	Path folder;

	private final CompletionReportWriter writer = new CompletionReportWriter("dst-bucket");

	@Test
	void emptyRunWritesTheHeaderOnly() throws IOException {
		Path file = this.folder.resolve(CompletionReportWriter.FILE_NAME);

		ReportTotals totals = this.writer.write(file, List.<LedgerRow>of().iterator());

		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(HEADER_LINE);
		assertThat(totals).isEqualTo(ReportTotals.EMPTY);
	}

	@Test
	void copiedRowFillsEveryColumn() throws IOException {
		PlannedObject planned = new PlannedObject(1, "src-bucket", "photos/a.jpg", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY",
				null, "9b2cf535f27731c974343645a3985328", null, "STANDARD", "SSE-S3", "archive/photos/a.jpg");
		Verification verification = new Verification(VerificationMethod.ETAG, "9b2cf535f27731c974343645a3985328",
				"9b2cf535f27731c974343645a3985328", Verdict.VERIFIED, null);
		LedgerRow row = new LedgerRow(planned, ObjectStatus.COPIED,
				new ObjectOutcome(1, ObjectStatus.COPIED, 1048576L, null, null, null, verification, STARTED, FINISHED));

		List<List<String>> records = writeAndParse(List.of(row));

		assertThat(records).hasSize(2);
		assertThat(records.get(1)).containsExactly("src-bucket", "photos/a.jpg", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY",
				"succeeded", "", "", "Copied", "dst-bucket", "archive/photos/a.jpg", "1048576", "ETAG",
				"9b2cf535f27731c974343645a3985328", "9b2cf535f27731c974343645a3985328", "VERIFIED", "COPIED", "",
				"2025-03-01T10:15:30.123Z", "2025-03-01T10:15:31.456Z", "");
	}

	@Test
	void skippedRowSucceededWithItsOwnMessage() throws IOException {
		List<List<String>> records = writeAndParse(List.of(LedgerRows.skipped(1, "same.txt", 42)));

		assertThat(records.get(1)).containsExactly("src-bucket", "same.txt", "", "succeeded", "", "",
				"Skipped: unchanged at destination", "dst-bucket", "copy/same.txt", "42", "ETAG", "etag-1", "etag-1",
				"VERIFIED", "SKIPPED_UNCHANGED", "", "2025-03-01T10:15:30.123Z", "2025-03-01T10:15:31.456Z", "");
	}

	@Test
	void failedRowCarriesErrorCodeHttpStatusAndMessage() throws IOException {
		LedgerRow row = LedgerRows.failed(1, "secret/x.bin", 7L, "AccessDenied", 403,
				"Access Denied, said \"s3\"\nfor GetObject");

		List<List<String>> records = writeAndParse(List.of(row));

		assertThat(records.get(1)).containsExactly("src-bucket", "secret/x.bin", "", "failed", "AccessDenied", "403",
				"Access Denied, said \"s3\"\nfor GetObject", "dst-bucket", "copy/secret/x.bin", "7", "NONE", "", "",
				"NOT_VERIFIED", "FAILED", "copy failed", "2025-03-01T10:15:30.123Z", "2025-03-01T10:15:31.456Z", "");
	}

	@Test
	void mismatchIsReportedWithBothValuesAndTheReason() throws IOException {
		List<List<String>> records = writeAndParse(List.of(LedgerRows.mismatch(1, "m.txt", 5)));

		assertThat(records.get(1)).containsExactly("src-bucket", "m.txt", "", "failed", "ChecksumMismatch", "",
				"destination ETag differs from source", "dst-bucket", "copy/m.txt", "5", "ETAG", "aaa", "bbb",
				"MISMATCH", "FAILED", "ETags differ", "2025-03-01T10:15:30.123Z", "2025-03-01T10:15:31.456Z", "");
	}

	@Test
	void pendingRowOfAnUnfinishedRunHasNoOutcomeColumns() throws IOException {
		List<List<String>> records = writeAndParse(List.of(LedgerRows.pending(1, "later.txt", null)));

		assertThat(records.get(1)).containsExactly("src-bucket", "later.txt", "", "pending", "", "",
				"Pending: not yet processed", "dst-bucket", "copy/later.txt", "", "", "", "", "", "PENDING", "", "", "",
				"");
	}

	@Test
	void aVersionCopiedToAVersionedDestinationNamesTheDestinationVersion() throws IOException {
		LedgerRow copied = LedgerRows.copied(1, "doc.txt", 3);
		PlannedObject p = copied.planned();
		LedgerRow versioned = new LedgerRow(new PlannedObject(p.seq(), p.sourceBucket(), p.sourceKey(), "src-v1",
				p.size(), p.etag(), p.checksumAlgorithm(), p.storageClass(), p.encryptionStatus(), p.destinationKey(),
				null, false, false, "dst-v7"), copied.status(), copied.outcome());

		List<List<String>> records = writeAndParse(List.of(versioned));

		assertThat(records.get(1).get(2)).isEqualTo("src-v1");
		assertThat(records.get(1).get(ReportRow.HEADER.indexOf("DestinationVersionId"))).isEqualTo("dst-v7");
	}

	@Test
	void awkwardKeysRoundTripByteForByte() throws IOException {
		List<String> keys = List.of("plain/key.txt", "comma,in,key", "quote\"in\"key", "\"", "\"\"", ",", "new\nline",
				"carriage\rreturn", "crlf\r\nkey", "trailing newline\n", "  spaces  around  ", "unicode/日本語/ファイル.txt",
				"emoji/😀.png", "accents/café-naïve", "plus+and%2Bpercent", "tab\there", "semi;colon",
				"ends with comma,");
		List<LedgerRow> rows = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			rows.add(LedgerRows.copied(i + 1, keys.get(i), i));
		}

		List<List<String>> records = writeAndParse(rows);

		assertThat(records).hasSize(keys.size() + 1);
		for (int i = 0; i < keys.size(); i++) {
			List<String> record = records.get(i + 1);
			assertThat(record).hasSize(ReportRow.HEADER.size());
			assertThat(record.get(1).getBytes(StandardCharsets.UTF_8)).as("key %d", i)
				.isEqualTo(keys.get(i).getBytes(StandardCharsets.UTF_8));
			assertThat(record.get(8)).isEqualTo("copy/" + keys.get(i));
		}
	}

	@Test
	void fieldsAreQuotedOnlyWhenTheyMustBeAndLinesEndWithLf() throws IOException {
		Path file = this.folder.resolve(CompletionReportWriter.FILE_NAME);

		this.writer.write(file, List.of(LedgerRows.copied(1, "a b", 1), LedgerRows.copied(2, "a,b", 2)).iterator());

		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).doesNotContain("\r").endsWith("\n").startsWith(HEADER_LINE);
		assertThat(text.split("\n", -1)).hasSize(4);
		assertThat(text).contains("\nsrc-bucket,a b,,succeeded,").contains("\nsrc-bucket,\"a,b\",,succeeded,");
		assertThat(Files.readAllBytes(file)).startsWith("Bucket,".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void countsWhileWriting() throws IOException {
		List<LedgerRow> rows = List.of(LedgerRows.copied(1, "a", 100), LedgerRows.copied(2, "b", 200),
				LedgerRows.copiedNotVerified(3, "c", 300, "multipart ETag"), LedgerRows.skipped(4, "d", 400),
				LedgerRows.failed(5, "e", 500L, "NoSuchKey", 404, "gone"),
				LedgerRows.failed(6, "f", null, "SdkClientException", null, "connection reset"),
				LedgerRows.mismatch(7, "g", 700), LedgerRows.pending(8, "h", 800L), LedgerRows.pending(9, "i", null));

		ReportTotals totals = this.writer.write(this.folder.resolve(CompletionReportWriter.FILE_NAME), rows.iterator());

		assertThat(totals).isEqualTo(
				new ReportTotals(9, 3, 1, 3, 2, 100 + 200 + 300 + 400 + 500 + 700 + 800, 100 + 200 + 300, 3, 1, 3, 0));
		assertThat(totals.finished()).isEqualTo(7);
	}

	@Test
	void leavesOnlyTheReportInItsFolder() throws IOException {
		this.writer.write(this.folder.resolve(CompletionReportWriter.FILE_NAME),
				Stream.of(LedgerRows.copied(1, "a", 1)));

		assertThat(listNames()).containsExactly(CompletionReportWriter.FILE_NAME);
	}

	@Test
	void replacesAnEarlierReport() throws IOException {
		Path file = this.folder.resolve(CompletionReportWriter.FILE_NAME);
		this.writer.write(file, Stream.of(LedgerRows.copied(1, "old", 1)));

		this.writer.write(file, Stream.of(LedgerRows.copied(1, "new", 1)));

		assertThat(Rfc4180.parse(Files.readString(file))).extracting((record) -> record.get(1))
			.containsExactly("Key", "new");
		assertThat(listNames()).containsExactly(CompletionReportWriter.FILE_NAME);
	}

	@Test
	void aFailureWhileWritingLeavesTheEarlierReportAndNoTemporaryFile() throws IOException {
		Path file = this.folder.resolve(CompletionReportWriter.FILE_NAME);
		this.writer.write(file, Stream.of(LedgerRows.copied(1, "earlier", 1)));
		String earlier = Files.readString(file);
		Iterator<LedgerRow> breaking = new Iterator<>() {

			private int served;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public LedgerRow next() {
				if (this.served == 1000) {
					throw new IllegalStateException("database went away");
				}
				this.served++;
				return LedgerRows.copied(this.served, "k" + this.served, 1);
			}

		};

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.writer.write(file, breaking))
			.withMessage("database went away");

		assertThat(Files.readString(file)).isEqualTo(earlier);
		assertThat(listNames()).containsExactly(CompletionReportWriter.FILE_NAME);
	}

	@Test
	void aFailureWhileWritingAFirstReportLeavesNothing() {
		Path file = this.folder.resolve(CompletionReportWriter.FILE_NAME);
		Stream<LedgerRow> rows = Stream.of(1, 2).map((i) -> {
			if (i == 2) {
				throw new IllegalStateException("boom");
			}
			return LedgerRows.copied(i, "k", 1);
		});

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.writer.write(file, rows));

		assertThat(this.folder).isEmptyDirectory();
	}

	@Test
	void leavesTheStreamForItsOwnerToClose() throws IOException {
		AtomicBoolean closed = new AtomicBoolean();
		try (Stream<LedgerRow> rows = Stream.of(LedgerRows.copied(1, "a", 1)).onClose(() -> closed.set(true))) {
			this.writer.write(this.folder.resolve(CompletionReportWriter.FILE_NAME), rows);
			assertThat(closed).isFalse();
		}
		assertThat(closed).isTrue();
	}

	private List<List<String>> writeAndParse(List<LedgerRow> rows) throws IOException {
		Path file = this.folder.resolve(CompletionReportWriter.FILE_NAME);
		this.writer.write(file, rows.iterator());
		List<List<String>> records = Rfc4180.parse(Files.readString(file, StandardCharsets.UTF_8));
		assertThat(records.get(0)).isEqualTo(ReportRow.HEADER);
		return records;
	}

	private List<String> listNames() throws IOException {
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.map((path) -> path.getFileName().toString()).toList();
		}
	}

}
