package io.github.s3bulkcopy.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyFindingTests {

	@Test
	void theFindingOfARowFollowsFromItsStatusAndErrorCode() {
		assertThat(VerifyFinding.of(true, false, null, null)).isEqualTo(VerifyFinding.PENDING);
		assertThat(VerifyFinding.of(false, false, null, Verdict.VERIFIED)).isEqualTo(VerifyFinding.VERIFIED);
		for (VerifyFinding finding : VerifyFinding.values()) {
			if (finding.errorCode() != null) {
				assertThat(VerifyFinding.of(false, true, finding.errorCode(), Verdict.NOT_VERIFIED)).isEqualTo(finding);
			}
		}
		assertThat(VerifyFinding.of(false, true, "AccessDenied", Verdict.NOT_VERIFIED)).isEqualTo(VerifyFinding.ERROR);
	}

}
