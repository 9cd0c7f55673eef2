package io.github.s3bulkcopy.run;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.DelegatingMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contexts the commands start answer messages as Spring's own default message source
 * does, without its class, whose first use lists every locale of the JVM.
 */
class DefaultMessagesOnlyTests {

	private final MessageSource ours = new DefaultMessagesOnly();

	private final MessageSource springs = new DelegatingMessageSource();

	@TempDir
	Path dir;

	@Test
	void aContextOfTheCommandsHasThisMessageSource() {
		try (ConfigurableApplicationContext context = JobContexts
			.repository(Map.of("spring.datasource.url", "jdbc:h2:file:" + this.dir.resolve("db").toAbsolutePath()))) {
			assertThat(context.getBean("messageSource")).isInstanceOf(DefaultMessagesOnly.class);
			assertThat(context.getMessage("code", new Object[] { 3 }, "{0} objects", Locale.ROOT))
				.isEqualTo("3 objects");
		}
	}

	@Test
	void defaultMessagesAreAnsweredAsSpringsDefaultMessageSourceAnswersThem() {
		for (Object[] args : new Object[][] { null, {}, { 3, "x" },
				{ new DefaultMessageSourceResolvable(new String[] { "c" }, "inner") } }) {
			for (String message : new String[] { "plain", "{0} objects of {1}", "it''s {0}", "bad {", "{0}" }) {
				assertThat(this.ours.getMessage("code", args, message, Locale.ROOT))
					.isEqualTo(this.springs.getMessage("code", args, message, Locale.ROOT));
				DefaultMessageSourceResolvable resolvable = new DefaultMessageSourceResolvable(
						new String[] { "a", "b" }, args, message);
				assertThat(this.ours.getMessage(resolvable, Locale.ROOT))
					.isEqualTo(this.springs.getMessage(resolvable, Locale.ROOT));
			}
		}
		assertThat(this.ours.getMessage("code", null, null, Locale.ROOT)).isNull();
	}

	@Test
	void aMessageWithoutADefaultIsNotFound() {
		assertThatExceptionOfType(NoSuchMessageException.class)
			.isThrownBy(() -> this.ours.getMessage("code", null, Locale.ROOT))
			.withMessage(catchMessage(() -> this.springs.getMessage("code", null, Locale.ROOT)));
		DefaultMessageSourceResolvable noDefault = new DefaultMessageSourceResolvable(new String[] { "a", "b" });
		assertThatExceptionOfType(NoSuchMessageException.class)
			.isThrownBy(() -> this.ours.getMessage(noDefault, Locale.ROOT))
			.withMessage(catchMessage(() -> this.springs.getMessage(noDefault, Locale.ROOT)));
	}

	private static String catchMessage(Runnable lookup) {
		try {
			lookup.run();
			throw new AssertionError("no exception");
		}
		catch (NoSuchMessageException ex) {
			return ex.getMessage();
		}
	}

}
