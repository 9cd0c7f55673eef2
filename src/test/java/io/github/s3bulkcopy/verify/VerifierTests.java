package io.github.s3bulkcopy.verify;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierTests {

	private static final String MD5 = "9e107d9d372bb6826bd81d3542a419d6";

	private static final Checksum CRC64 = Checksum.crc64nvme("KjgOQcoDmUA=");

	private static final Checksum CRC32 = new Checksum("CRC32", Checksum.Type.FULL_OBJECT, "LI2pIw==");

	private static final Verification READ = new Verification(VerificationMethod.FULL_READ, "a", "a", Verdict.VERIFIED,
			null);

	private final AtomicInteger reads = new AtomicInteger();

	private final Supplier<CompletableFuture<Verification>> fullRead = () -> {
		this.reads.incrementAndGet();
		return CompletableFuture.completedFuture(READ);
	};

	@Test
	void autoPrefersTheChecksum() {
		Verification v = verify(VerificationPolicy.auto(false), evidence(MD5, CRC64), evidence(MD5, CRC64), null);

		assertThat(v.method()).isEqualTo(VerificationMethod.CHECKSUM);
		assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
	}

	@Test
	void autoFallsBackOnTheEtagWhenNoChecksumCompares() {
		Verification v = verify(VerificationPolicy.auto(false), evidence(MD5, CRC32), evidence(MD5, CRC64), null);

		assertThat(v.method()).isEqualTo(VerificationMethod.ETAG);
		assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
	}

	@Test
	void theEvidenceInHandProvesACopyOnlyWhenAComparisonSaysVerified() {
		Verifier auto = new Verifier(VerificationPolicy.auto(true));

		Verification etags = auto.proven(evidence(MD5, null), evidence(MD5, null), null);
		Verification differentEtags = auto.proven(evidence(MD5, null), evidence("0" + MD5.substring(1), null), null);
		Verification multipart = auto.proven(evidence(MD5 + "-2", null), new Evidence(MD5 + "-2", null, true, null),
				null);

		assertThat(etags.method()).isEqualTo(VerificationMethod.ETAG);
		assertThat(etags.verdict()).isEqualTo(Verdict.VERIFIED);
		// a mismatch is decided with the fuller evidence (the source's encryption may
		// make its ETag no MD5)
		assertThat(differentEtags).isNull();
		assertThat(multipart).isNull();
		assertThat(new Verifier(VerificationPolicy.fullReadOnly(false)).proven(evidence(MD5, null), evidence(MD5, null),
				null))
			.isNull();
		assertThat(this.reads).hasValue(0);
	}

	@Test
	void aChecksumMismatchDecidesAtOnce() {
		Verification v = verify(VerificationPolicy.auto(true), evidence(MD5, CRC64),
				evidence(MD5, Checksum.crc64nvme("lviqXGM4Qn0=")), null);

		assertThat(v.verdict()).isEqualTo(Verdict.MISMATCH);
		assertThat(this.reads).hasValue(0);
	}

	@Test
	void autoReadsWhatNoCheapMethodProvesOnlyWhenRequired() {
		Evidence multipartSource = evidence(MD5 + "-2", null);
		Evidence multipartCopy = new Evidence(MD5 + "-2", null, true, null);

		Verification unproven = verify(VerificationPolicy.auto(false), multipartSource, multipartCopy, null);
		assertThat(unproven.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(unproven.reason()).contains("checksum: the source has no stored checksum")
			.contains("etag: the source ETag");
		assertThat(this.reads).hasValue(0);

		assertThat(verify(VerificationPolicy.auto(true), multipartSource, multipartCopy, null)).isEqualTo(READ);
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aStreamedChecksumIsComparedWithTheDestinationsStoredOne() {
		Verification v = verify(VerificationPolicy.auto(false), evidence(MD5 + "-2", null),
				new Evidence(MD5 + "-2", null, true, CRC64), CRC64.value());

		assertThat(v.method()).isEqualTo(VerificationMethod.STREAMED_CHECKSUM);
		assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
	}

	@Test
	void explicitMethodsUseOnlyThemselves() {
		Verification checksum = verify(VerificationPolicy.checksumOnly(true), evidence(MD5, CRC32),
				evidence(MD5, CRC64), null);
		assertThat(checksum.verdict()).isEqualTo(Verdict.NOT_VERIFIED);

		Verification etag = verify(VerificationPolicy.etagOnly(false), evidence(MD5, CRC64), evidence(MD5, CRC64),
				null);
		assertThat(etag.method()).isEqualTo(VerificationMethod.ETAG);
		assertThat(this.reads).hasValue(0);

		assertThat(verify(VerificationPolicy.fullReadOnly(false), evidence(MD5, CRC64), evidence(MD5, CRC64), null))
			.isEqualTo(READ);
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void noneComparesNothing() {
		Verification v = verify(VerificationPolicy.none(false), evidence(MD5, CRC64), evidence(MD5, CRC64), null);

		assertThat(v.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(v.method()).isEqualTo(VerificationMethod.NONE);
		assertThat(v.reason()).contains("verify.method: none");
	}

	private Verification verify(VerificationPolicy policy, Evidence source, Evidence destination, String streamed) {
		return new Verifier(policy).verify(source, destination, streamed, this.fullRead).join();
	}

	private static Evidence evidence(String etag, Checksum checksum) {
		return new Evidence(etag, null, false, checksum);
	}

}
