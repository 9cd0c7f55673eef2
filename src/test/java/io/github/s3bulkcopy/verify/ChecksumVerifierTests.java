package io.github.s3bulkcopy.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumVerifierTests {

	private static final Checksum CRC64 = Checksum.crc64nvme("KjgOQcoDmUA=");

	private static final Checksum OTHER_CRC64 = Checksum.crc64nvme("lviqXGM4Qn0=");

	@Test
	void equalFullObjectValuesOfOneAlgorithmVerify() {
		Verification v = ChecksumVerifier.verify(VerificationMethod.CHECKSUM, CRC64,
				Checksum.crc64nvme("KjgOQcoDmUA="));

		assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(v.method()).isEqualTo(VerificationMethod.CHECKSUM);
		assertThat(v.sourceValue()).isEqualTo("CRC64NVME:FULL_OBJECT:KjgOQcoDmUA=");
		assertThat(v.destinationValue()).isEqualTo("CRC64NVME:FULL_OBJECT:KjgOQcoDmUA=");
	}

	@Test
	void differentFullObjectValuesAreAMismatch() {
		Verification v = ChecksumVerifier.verify(VerificationMethod.STREAMED_CHECKSUM, CRC64, OTHER_CRC64);

		assertThat(v.verdict()).isEqualTo(Verdict.MISMATCH);
		assertThat(v.method()).isEqualTo(VerificationMethod.STREAMED_CHECKSUM);
		assertThat(v.destinationValue()).isEqualTo("CRC64NVME:FULL_OBJECT:lviqXGM4Qn0=");
	}

	@Test
	void twoAlgorithmsAreNeverCompared() {
		Verification v = ChecksumVerifier.verify(VerificationMethod.CHECKSUM,
				new Checksum("CRC32", Checksum.Type.FULL_OBJECT, "LI2pIw=="), CRC64);

		assertThat(v.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(v.method()).isEqualTo(VerificationMethod.NONE);
		assertThat(v.reason()).contains("CRC32").contains("CRC64NVME").contains("different algorithms");
	}

	@Test
	void compositeIsNeverComparedWithFullObject() {
		Verification v = ChecksumVerifier.verify(VerificationMethod.CHECKSUM,
				new Checksum("CRC32", Checksum.Type.COMPOSITE, "EbZVwA==-2"),
				new Checksum("CRC32", Checksum.Type.FULL_OBJECT, "EbZVwA=="));

		assertThat(v.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(v.reason()).contains("composite").contains("full-object");
	}

	@Test
	void equalCompositeValuesVerifyButDifferentOnesProveNothing() {
		Checksum composite = new Checksum("CRC32C", Checksum.Type.COMPOSITE, "AAAAAA==-3");

		assertThat(ChecksumVerifier
			.verify(VerificationMethod.CHECKSUM, composite,
					new Checksum("CRC32C", Checksum.Type.COMPOSITE, "AAAAAA==-3"))
			.verdict()).isEqualTo(Verdict.VERIFIED);
		Verification different = ChecksumVerifier.verify(VerificationMethod.CHECKSUM, composite,
				new Checksum("CRC32C", Checksum.Type.COMPOSITE, "BBBBBB==-2"));
		assertThat(different.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(different.reason()).contains("part sizes");
	}

	@Test
	void aMissingValueIsNotVerified() {
		assertThat(ChecksumVerifier.verify(VerificationMethod.CHECKSUM, null, CRC64).reason())
			.contains("source has no stored checksum");
		assertThat(ChecksumVerifier.verify(VerificationMethod.CHECKSUM, CRC64, null).reason())
			.contains("destination has no checksum computed by the server");
	}

}
