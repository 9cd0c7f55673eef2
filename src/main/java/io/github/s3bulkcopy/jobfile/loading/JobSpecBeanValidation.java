package io.github.s3bulkcopy.jobfile.loading;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.github.s3bulkcopy.jobfile.JobSpec;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.context.TypeConstraintMappingContext;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Jakarta Bean Validation of a whole {@link JobSpec}, with messages in English whatever
 * the machine's locale.
 * <p>
 * It validates the root only, cascading through {@code @Valid}: Spring Boot's
 * {@code ValidationBindHandler} validates each bound object and stops at the first that
 * has errors, so validating nested sections one by one would report the problems of one
 * section and hide the rest.
 * <p>
 * Only the records' types and fields are read for constraints. Java copies a record
 * component's constraints onto the canonical constructor's parameter and the accessor as
 * well, where they would ask for method validation, which nothing here does; Hibernate
 * Validator would still build their metadata on every start.
 */
final class JobSpecBeanValidation implements Validator {

	private final SpringValidatorAdapter validator;

	private JobSpecBeanValidation(jakarta.validation.Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
	}

	static Validator create() {
		return new JobSpecBeanValidation(jakartaValidator(JobSpec.class));
	}

	/**
	 * A validator of the given record and those it cascades to.
	 */
	static jakarta.validation.Validator jakartaValidator(Class<?> root) {
		// The provider named, not looked up; no validation.xml to look for.
		HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class)
			.configure()
			.ignoreXmlConfiguration();
		ConstraintMapping fieldsOnly = configuration.createConstraintMapping();
		fieldsOnly(fieldsOnly, root, new HashSet<>());
		return configuration.messageInterpolator(new RootLocale(configuration.getDefaultMessageInterpolator()))
			.addMapping(fieldsOnly)
			.buildValidatorFactory()
			.getValidator();
	}

	/**
	 * Constraints of the record and of each record it cascades to read from the type and
	 * the fields alone: every annotation ignored, then read again on the type and on each
	 * field.
	 */
	private static void fieldsOnly(ConstraintMapping mapping, Class<?> record, Set<Class<?>> mapped) {
		if (!mapped.add(record)) {
			return;
		}
		TypeConstraintMappingContext<?> type = mapping.type(record).ignoreAllAnnotations().ignoreAnnotations(false);
		for (RecordComponent component : record.getRecordComponents()) {
			type.field(component.getName()).ignoreAnnotations(false);
			if (component.getType().isRecord() && isCascaded(record, component)) {
				fieldsOnly(mapping, component.getType(), mapped);
			}
		}
	}

	private static boolean isCascaded(Class<?> record, RecordComponent component) {
		try {
			return record.getDeclaredField(component.getName()).isAnnotationPresent(Valid.class);
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("a record has a field per component", ex);
		}
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
