package io.github.s3bulkcopy.jobfile.loading;

import java.util.Locale;

import io.github.s3bulkcopy.jobfile.JobSpec;
import jakarta.validation.MessageInterpolator;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Jakarta Bean Validation of a whole {@link JobSpec}, with messages in English whatever
 * the machine's locale.
 * <p>
 * It validates the root only, cascading through {@code @Valid}: Spring Boot's
 * {@code ValidationBindHandler} validates each bound object and stops at the first that
 * has errors, so validating nested sections one by one would report the problems of one
 * section and hide the rest.
 */
final class JobSpecBeanValidation implements Validator {

	private final LocalValidatorFactoryBean validator;

	private JobSpecBeanValidation(LocalValidatorFactoryBean validator) {
		this.validator = validator;
	}

	static Validator create() {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		// The provider's own interpolator, taken from the configuration the factory is
		// built from: bootstrapping a second one only to ask for it cost start-up.
		validator.setConfigurationInitializer((configuration) -> configuration
			.messageInterpolator(new RootLocale(configuration.getDefaultMessageInterpolator())));
		validator.afterPropertiesSet();
		return new JobSpecBeanValidation(validator);
	}

	@Override
	public boolean supports(Class<?> type) {
		return JobSpec.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		this.validator.validate(target, errors);
	}

	private record RootLocale(MessageInterpolator delegate) implements MessageInterpolator {

		@Override
		public String interpolate(String template, Context context) {
			return this.delegate.interpolate(template, context, Locale.ROOT);
		}

		@Override
		public String interpolate(String template, Context context, Locale locale) {
			return this.delegate.interpolate(template, context, Locale.ROOT);
		}

	}

}
