package io.github.s3bulkcopy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The process's settings as Spring Boot binds them from properties, with their defaults
 * and their checks.
 */
class ProcessSettingsTests {

	@Test
	void everySettingHasItsDefault() {
		assertThat(bind(Map.of())).isEqualTo(ProcessSettings.DEFAULTS);
	}

	@Test
	void settingsAreBoundFromTheirProperties() {
		ProcessSettings settings = bind(Map.of("s3bulkcopy.http-client", " Netty ", "s3bulkcopy.idle-timeout", "5m",
				"s3bulkcopy.credentials.stale-time", "30s", "s3bulkcopy.lock.stale-after", "2m",
				"s3bulkcopy.batch-operations.max-poll-interval", "PT2M"));

		assertThat(settings.httpClient()).isEqualTo("netty");
		assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.credentials().staleTime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.credentials().prefetchTime()).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.lock().staleAfter()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.batchOperations().pollInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.batchOperations().maxPollInterval()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void aValueASettingDoesNotTakeIsRefusedNamingIt() {
		assertRefused("s3bulkcopy.http-client", "apache", "s3bulkcopy.http-client must be auto, crt or netty");
		assertRefused("s3bulkcopy.idle-timeout", "1500ms", "s3bulkcopy.idle-timeout must be a duration of whole "
				+ "seconds, at least 2s (such as 30s or 5m), not 1500ms");
		assertRefused("s3bulkcopy.idle-timeout", "1s", "at least 2s");
		assertRefused("s3bulkcopy.credentials.prefetch-time", "30s",
				"s3bulkcopy.credentials.prefetch-time (30s) must not be shorter than s3bulkcopy.credentials.stale-time");
		assertRefused("s3bulkcopy.lock.stale-after", "0s", "s3bulkcopy.lock.stale-after must be a positive duration");
		assertRefused("s3bulkcopy.batch-operations.poll-interval", "2m",
				"max-poll-interval must not be shorter than s3bulkcopy.batch-operations.poll-interval");
	}

	private static void assertRefused(String property, String value, String message) {
		assertThatExceptionOfType(BindException.class).as(property + "=" + value)
			.isThrownBy(() -> bind(Map.of(property, value)))
			.havingRootCause()
			.isInstanceOf(InvalidSetupException.class)
			.withMessageContaining(message);
	}

	private static ProcessSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("s3bulkcopy",
				ProcessSettings.class);
	}

}
