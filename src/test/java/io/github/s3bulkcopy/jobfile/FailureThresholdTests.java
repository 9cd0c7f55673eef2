package io.github.s3bulkcopy.jobfile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FailureThresholdTests {

	@Test
	void theDefaultStopsWhenMoreThanHalfOfAtLeastAThousandFailed() {
		FailureThreshold threshold = FailureThreshold.valueOf("50% after 1000");
		assertThat(threshold.exceeded(999, 999)).isFalse();
		assertThat(threshold.exceeded(1000, 500)).isFalse();
		assertThat(threshold.exceeded(1000, 501)).isTrue();
		assertThat(threshold).hasToString("more than 50% failed objects after 1000");
	}

	@Test
	void aShareWithoutAfterWaitsForAThousand() {
		assertThat(FailureThreshold.valueOf("10%").exceeded(999, 500)).isFalse();
		assertThat(FailureThreshold.valueOf("10%").exceeded(1000, 101)).isTrue();
		assertThat(FailureThreshold.valueOf("2.5% AFTER 40").exceeded(40, 2)).isTrue();
	}

	@Test
	void aCountStopsAboveIt() {
		FailureThreshold threshold = FailureThreshold.valueOf("100");
		assertThat(threshold.exceeded(5, 100)).isFalse();
		assertThat(threshold.exceeded(5, 101)).isTrue();
	}

	@Test
	void noneNeverStops() {
		assertThat(FailureThreshold.valueOf("none").exceeded(1_000_000, 1_000_000)).isFalse();
	}

	@Test
	void nonsenseIsRejectedWithTheForms() {
		assertThatIllegalArgumentException().isThrownBy(() -> FailureThreshold.valueOf("half"))
			.withMessageContaining("50% after 1000");
		assertThatIllegalArgumentException().isThrownBy(() -> FailureThreshold.valueOf("150%"))
			.withMessageContaining("above 100%");
	}

}
