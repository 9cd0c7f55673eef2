package io.github.s3bulkcopy.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EtagVerifierTests {

	private static final String MD5 = "9e107d9d372bb6826bd81d3542a419d6";

	private static final String OTHER_MD5 = "e4d909c290d0fb1ca068ffaddf22cbd0";

	@Test
	void equalSinglePartEtagsVerify() {
		Verification v = EtagVerifier.verify("\"" + MD5 + "\"", "SSE-S3", MD5, "AES256", false);
		assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(v.method()).isEqualTo(VerificationMethod.ETAG);
		assertThat(v.sourceValue()).isEqualTo(MD5);
		assertThat(v.destinationValue()).isEqualTo(MD5);
		assertThat(v.reason()).isNull();
	}

	@Test
	void differentMd5EtagsAreAMismatch() {
		Verification v = EtagVerifier.verify(MD5, null, OTHER_MD5, null, false);
		assertThat(v.verdict()).isEqualTo(Verdict.MISMATCH);
		assertThat(v.sourceValue()).isEqualTo(MD5);
		assertThat(v.destinationValue()).isEqualTo(OTHER_MD5);
	}

	@Test
	void multipartSourceEtagIsNotCompared() {
		Verification v = EtagVerifier.verify(MD5 + "-3", null, MD5 + "-3", null, false);
		assertThat(v.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(v.method()).isEqualTo(VerificationMethod.NONE);
		assertThat(v.reason()).contains("not an MD5");
	}

	@Test
	void multipartCopyIsNotVerifiedByEtagEvenWhenItLooksLikeAnMd5() {
		Verification v = EtagVerifier.verify(MD5, null, MD5, null, true);
		assertThat(v.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(v.reason()).contains("in parts");
	}

	@Test
	void kmsOnEitherSideIsNotCompared() {
		assertThat(EtagVerifier.verify(MD5, "SSE-KMS", MD5, null, false).verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(EtagVerifier.verify(MD5, null, MD5, "aws:kms", false).verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(EtagVerifier.verify(MD5, "SSE-C", MD5, null, false).verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(EtagVerifier.verify(MD5, null, MD5, "aws:kms:dsse", false).verdict())
			.isEqualTo(Verdict.NOT_VERIFIED);
	}

	@Test
	void unknownValuesAreNotVerified() {
		assertThat(EtagVerifier.verify(null, null, MD5, null, false).reason()).contains("source ETag is unknown");
		assertThat(EtagVerifier.verify(MD5, null, "", null, false).reason()).contains("no ETag");
	}

	@Test
	void anMd5IsThirtyTwoAsciiHexDigits() {
		assertThat(EtagVerifier.isMd5(MD5)).isTrue();
		assertThat(EtagVerifier.isMd5("\"" + MD5.toUpperCase(java.util.Locale.ROOT) + "\"")).isTrue();
		assertThat(EtagVerifier.isMd5(null)).isFalse();
		assertThat(EtagVerifier.isMd5(MD5.substring(1))).isFalse();
		assertThat(EtagVerifier.isMd5(MD5 + "0")).isFalse();
		assertThat(EtagVerifier.isMd5(MD5.substring(2) + "-3")).isFalse();
		assertThat(EtagVerifier.isMd5(MD5.substring(1) + "g")).isFalse();
		// Digits of other scripts are digits to Java, not hexadecimal to S3.
		assertThat(EtagVerifier.isMd5(MD5.substring(1) + "\u0663")).isFalse();
		assertThat(EtagVerifier.isMd5(MD5.substring(1) + "\uff10")).isFalse();
	}

}
