package io.github.s3bulkcopy.run;

import java.text.MessageFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.util.ObjectUtils;

/**
 * The message source of every context the commands start: no messages of its own, a
 * default message given back (formatted with its arguments), as the
 * {@code DelegatingMessageSource} Spring makes when a context has none. Its own because
 * that one's class, through {@code MessageSourceSupport}, lists every locale of the JVM
 * when it is first used, 80-110 ms of a cold JVM on this project's test machine, and
 * nothing here looks a message up.
 */
final class DefaultMessagesOnly implements MessageSource {

	@Override
	public @Nullable String getMessage(String code, Object @Nullable [] args, @Nullable String defaultMessage,
			Locale locale) {
		return (defaultMessage != null) ? format(defaultMessage, args, locale) : null;
	}

	@Override
	public String getMessage(String code, Object @Nullable [] args, Locale locale) {
		throw new NoSuchMessageException(code, locale);
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
		String defaultMessage = resolvable.getDefaultMessage();
		if (defaultMessage != null) {
			return format(defaultMessage, resolvable.getArguments(), locale);
		}
		String[] codes = resolvable.getCodes();
		throw new NoSuchMessageException(ObjectUtils.isEmpty(codes) ? "" : codes[0], locale);
	}

	/** As Spring's: the arguments as they are, a bad pattern kept as it is. */
	private static String format(String message, Object @Nullable [] args, Locale locale) {
		if (ObjectUtils.isEmpty(args)) {
			return message;
		}
		try {
			return new MessageFormat(message, locale).format(args);
		}
		catch (IllegalArgumentException ex) {
			return message;
		}
	}

}
