package io.github.s3bulkcopy.ledger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;

/**
 * A ledger row in a compact binary form, every field of it, for the spill files of
 * {@link KeySortedRows}. Strings are written as modified UTF-8, which carries any Java
 * string unchanged; enums by ordinal, so a file is read only by the process that wrote
 * it.
 */
final class LedgerRowCodec {

	private static final ObjectStatus[] STATUSES = ObjectStatus.values();

	private static final VerificationMethod[] METHODS = VerificationMethod.values();

	private static final Verdict[] VERDICTS = Verdict.values();

	private LedgerRowCodec() {
	}

	static void write(DataOutput out, LedgerRow row) throws IOException {
		writePlanned(out, row.planned());
		out.writeByte(row.status().ordinal());
		ObjectOutcome outcome = row.outcome();
		out.writeBoolean(outcome != null);
		if (outcome != null) {
			writeOutcome(out, outcome);
		}
	}

	static LedgerRow read(DataInput in) throws IOException {
		PlannedObject planned = readPlanned(in);
		ObjectStatus status = STATUSES[in.readByte()];
		ObjectOutcome outcome = in.readBoolean() ? readOutcome(in) : null;
		return new LedgerRow(planned, status, outcome);
	}

	private static void writePlanned(DataOutput out, PlannedObject p) throws IOException {
		out.writeLong(p.seq());
		out.writeUTF(p.sourceBucket());
		out.writeUTF(p.sourceKey());
		writeString(out, p.versionId());
		writeLong(out, p.size());
		writeString(out, p.etag());
		writeString(out, p.checksumAlgorithm());
		writeString(out, p.storageClass());
		writeString(out, p.encryptionStatus());
		out.writeUTF(p.destinationKey());
		writeInstant(out, p.lastModified());
		Boolean latest = p.latest();
		out.writeByte((latest == null) ? 2 : (latest ? 1 : 0));
		out.writeBoolean(p.deleteMarker());
		writeString(out, p.destinationVersionId());
		writeInstant(out, p.attemptedAt());
		LedgerProof proof = p.proof();
		out.writeBoolean(proof != null);
		if (proof != null) {
			out.writeLong(proof.run());
			out.writeUTF(proof.sourceEtag());
			out.writeLong(proof.size());
			out.writeUTF(proof.destinationEtag());
			writeString(out, proof.destinationVersionId());
		}
	}

	private static PlannedObject readPlanned(DataInput in) throws IOException {
		long seq = in.readLong();
		String sourceBucket = in.readUTF();
		String sourceKey = in.readUTF();
		String versionId = readString(in);
		Long size = readLong(in);
		String etag = readString(in);
		String checksumAlgorithm = readString(in);
		String storageClass = readString(in);
		String encryptionStatus = readString(in);
		String destinationKey = in.readUTF();
		Instant lastModified = readInstant(in);
		byte latest = in.readByte();
		boolean deleteMarker = in.readBoolean();
		String destinationVersionId = readString(in);
		Instant attemptedAt = readInstant(in);
		LedgerProof proof = in.readBoolean()
				? new LedgerProof(in.readLong(), in.readUTF(), in.readLong(), in.readUTF(), readString(in)) : null;
		return new PlannedObject(seq, sourceBucket, sourceKey, versionId, size, etag, checksumAlgorithm, storageClass,
				encryptionStatus, destinationKey, lastModified, (latest == 2) ? null : (latest == 1), deleteMarker,
				destinationVersionId, attemptedAt, proof);
	}

	private static void writeOutcome(DataOutput out, ObjectOutcome o) throws IOException {
		out.writeLong(o.seq());
		out.writeByte(o.status().ordinal());
		writeLong(out, o.size());
		writeString(out, o.errorCode());
		Integer http = o.httpStatus();
		out.writeBoolean(http != null);
		if (http != null) {
			out.writeInt(http);
		}
		writeString(out, o.message());
		Verification v = o.verification();
		out.writeByte(v.method().ordinal());
		writeString(out, v.sourceValue());
		writeString(out, v.destinationValue());
		out.writeByte(v.verdict().ordinal());
		writeString(out, v.reason());
		writeInstant(out, o.startedAt());
		writeInstant(out, o.finishedAt());
		writeString(out, o.destinationVersionId());
		out.writeInt(o.notCarried());
		writeString(out, o.sourceEtag());
		writeString(out, o.destinationEtag());
	}

	private static ObjectOutcome readOutcome(DataInput in) throws IOException {
		long seq = in.readLong();
		ObjectStatus status = STATUSES[in.readByte()];
		Long size = readLong(in);
		String errorCode = readString(in);
		Integer http = in.readBoolean() ? in.readInt() : null;
		String message = readString(in);
		Verification verification = new Verification(METHODS[in.readByte()], readString(in), readString(in),
				VERDICTS[in.readByte()], readString(in));
		Instant startedAt = readInstant(in);
		Instant finishedAt = readInstant(in);
		String destinationVersionId = readString(in);
		int notCarried = in.readInt();
		String sourceEtag = readString(in);
		String destinationEtag = readString(in);
		return new ObjectOutcome(seq, status, size, errorCode, http, message, verification,
				(startedAt != null) ? startedAt : Instant.EPOCH, (finishedAt != null) ? finishedAt : Instant.EPOCH,
				destinationVersionId, notCarried, sourceEtag, destinationEtag);
	}

	private static void writeString(DataOutput out, @Nullable String value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeUTF(value);
		}
	}

	private static @Nullable String readString(DataInput in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

	private static void writeLong(DataOutput out, @Nullable Long value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeLong(value);
		}
	}

	private static @Nullable Long readLong(DataInput in) throws IOException {
		return in.readBoolean() ? in.readLong() : null;
	}

	private static void writeInstant(DataOutput out, @Nullable Instant value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeLong(value.getEpochSecond());
			out.writeInt(value.getNano());
		}
	}

	private static @Nullable Instant readInstant(DataInput in) throws IOException {
		return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
	}

}
