package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import io.github.s3bulkcopy.verify.VerifyFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyReportWriterTests {

	@TempDir
	Path root;

	@Test
	void eachRowSaysWhatWasFoundAndTheSummaryCountsFindingsAndMethods() throws IOException {
		String crc = "CRC64NVME:FULL_OBJECT:KjgOQcoDmUA=";
		List<LedgerRow> rows = List.of(
				row(1, "a,b.txt", ObjectStatus.SKIPPED_UNCHANGED, null, null,
						new Verification(VerificationMethod.CHECKSUM, crc, crc, Verdict.VERIFIED, null)),
				row(2, "gone.txt", ObjectStatus.FAILED, "MissingAtDestination", "missing at destination",
						Verification.notVerified("missing at destination")),
				row(3, "short.txt", ObjectStatus.FAILED, "SizeDiffers", "the destination differs from the source",
						new Verification(VerificationMethod.SIZE, "10", "9", Verdict.MISMATCH, "sizes")),
				row(4, "changed.txt", ObjectStatus.FAILED, "VerificationMismatch", "differs",
						new Verification(VerificationMethod.FULL_READ, crc, "CRC64NVME:FULL_OBJECT:lviqXGM4Qn0=",
								Verdict.MISMATCH, "the CRC64NVME differs")),
				row(5, "denied.txt", ObjectStatus.FAILED, "AccessDenied", "Access Denied",
						Verification.notVerified("not checked: AccessDenied")),
				LedgerRows.pending(6, "later.txt", 4L));

		VerifySummary summary = new VerifyReportWriter().write(this.root, run(), "auto", true, rows.iterator());

		Path folder = this.root.resolve("job.verify/2");
		List<List<String>> csv = Rfc4180
			.parse(Files.readString(folder.resolve(VerifyReportWriter.FILE_NAME), StandardCharsets.UTF_8));
		assertThat(csv.get(0)).isEqualTo(VerifyReportRow.HEADER);
		assertThat(csv.subList(1, csv.size())).extracting((record) -> record.get(1) + " " + record.get(5))
			.containsExactly("a,b.txt VERIFIED", "gone.txt MISSING_AT_DESTINATION", "short.txt SIZE_DIFFERS",
					"changed.txt CHECKSUM_DIFFERS", "denied.txt ERROR", "later.txt PENDING");
		assertThat(csv.get(1)).containsSequence(crc, crc, "VERIFIED");
		assertThat(csv.get(4)).contains("differs", "VerificationMismatch");
		assertThat(summary.objects()).containsEntry(VerifyFinding.VERIFIED, 1L)
			.containsEntry(VerifyFinding.NOT_VERIFIED, 0L)
			.containsEntry(VerifyFinding.PENDING, 1L);
		assertThat(summary.total()).isEqualTo(6);
		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(folder.resolve("summary.json")));
		assertThat(json.get("job").asString()).isEqualTo("job.verify");
		assertThat(json.get("method").asString()).isEqualTo("auto");
		assertThat(json.get("required").asBoolean()).isTrue();
		assertThat(json.get("objects").get("SIZE_DIFFERS").asLong()).isEqualTo(1);
		assertThat(json.get("methods").get("FULL_READ").asLong()).isEqualTo(1);
		assertThat(json.get("reportFile").asString()).isEqualTo("verify-report.csv");
	}

	private static LedgerRow row(long seq, String key, ObjectStatus status, String errorCode, String message,
			Verification verification) {
		return new LedgerRow(LedgerRows.planned(seq, key, 10L), status, new ObjectOutcome(seq, status, 10L, errorCode,
				null, message, verification, LedgerRows.STARTED, LedgerRows.FINISHED));
	}

	private static RunMetadata run() {
		Instant start = Instant.parse("2026-11-01T10:00:00Z");
		return new RunMetadata("job.verify", 2, "COMPLETED_WITH_FAILURES", 1, start, start.plusSeconds(3),
				new RunSummary.Side("src-bucket", ""), new RunSummary.Side("dst-bucket", ""),
				new RunSummary.Manifest("listing", null), "0".repeat(64), "dev");
	}

}
