package io.github.s3bulkcopy.clients;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RetryStrategyTests {

	private final RetryStrategy strategy = S3ClientFactory.retryStrategy(4);

	@Test
	void aBurstOfFailuresGetsEveryRetryItsAttemptsAllowWithoutAQuotaRunningOut() {
		// The SDK's retry quota would refuse retries after about 100 of these (500
		// tokens, 5 a retry).
		for (int request = 0; request < 300; request++) {
			assertThat(retryAfter(acquire().token(), failure())).as("request %d", request).isNotNull();
		}
	}

	@Test
	void triesARequestAtMostMaxAttemptsTimesWithAPauseBeforeEachRetry() {
		AcquireInitialTokenResponse first = acquire();
		assertThat(first.delay()).as("no client-side rate limit before the first try").isZero();
		RefreshRetryTokenResponse second = this.strategy
			.refreshRetryToken(RefreshRetryTokenRequest.builder().token(first.token()).failure(failure()).build());
		RefreshRetryTokenResponse third = this.strategy
			.refreshRetryToken(RefreshRetryTokenRequest.builder().token(second.token()).failure(failure()).build());
		RefreshRetryTokenResponse fourth = this.strategy
			.refreshRetryToken(RefreshRetryTokenRequest.builder().token(third.token()).failure(failure()).build());

		assertThat(this.strategy.maxAttempts()).isEqualTo(4);
		// Full jitter draws each pause from [0, cap): one draw may be zero, so the pause
		// is checked over many draws.
		assertThat(second.delay().isNegative()).isFalse();
		assertThat(third.delay().isNegative()).isFalse();
		assertThat(fourth.delay().isNegative()).isFalse();
		assertThatExceptionOfType(TokenAcquisitionFailedException.class).isThrownBy(() -> this.strategy
			.refreshRetryToken(RefreshRetryTokenRequest.builder().token(fourth.token()).failure(failure()).build()));
	}

	@Test
	void pausesBeforeARetry() {
		long positive = 0;
		for (int request = 0; request < 50; request++) {
			if (!retryAfter(acquire().token(), failure()).isZero()) {
				positive++;
			}
		}
		assertThat(positive).as("retries that paused, of 50").isGreaterThan(40);
	}

	private AcquireInitialTokenResponse acquire() {
		return this.strategy.acquireInitialToken(AcquireInitialTokenRequest.create("s3"));
	}

	private Duration retryAfter(RetryToken token, Throwable failure) {
		return this.strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build())
			.delay();
	}

	private static Throwable failure() {
		return SdkClientException.create("Unable to execute HTTP request", new IOException("Connection reset"));
	}

}
