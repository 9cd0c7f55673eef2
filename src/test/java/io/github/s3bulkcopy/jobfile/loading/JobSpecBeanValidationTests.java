package io.github.s3bulkcopy.jobfile.loading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.BatchReportSpec;
import io.github.s3bulkcopy.jobfile.CopySpec;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.DestinationSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.ManifestGeneratorSpec;
import io.github.s3bulkcopy.jobfile.ManifestOutputSpec;
import io.github.s3bulkcopy.jobfile.ManifestSpec;
import io.github.s3bulkcopy.jobfile.ReportSpec;
import io.github.s3bulkcopy.jobfile.RestoreSpec;
import io.github.s3bulkcopy.jobfile.ScheduleSpec;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import io.github.s3bulkcopy.jobfile.VerifySpec;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.MethodType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job file's constraints are read from the records' types and fields, and from
 * nowhere else: the copies Java puts on each canonical constructor and accessor would
 * only cost start-up.
 */
class JobSpecBeanValidationTests {

	/** Every record validation reaches through {@code @Valid}. */
	private static final List<Class<?>> CASCADED = List.of(JobSpec.class, SourceSpec.class, DestinationSpec.class,
			CredentialsSpec.class, ManifestSpec.class, CopySpec.class, RestoreSpec.class, VerifySpec.class,
			ReportSpec.class, BatchOperationsSpec.class, BatchReportSpec.class, ManifestGeneratorSpec.class,
			ManifestOutputSpec.class, ScheduleSpec.class);

	@Test
	void readsConstraintsAndCascadesFromFields() {
		Validator validator = JobSpecBeanValidation.jakartaValidator(JobSpec.class);
		BeanDescriptor job = validator.getConstraintsForClass(JobSpec.class);

		assertThat(job.getConstraintsForProperty("name").getConstraintDescriptors())
			.extracting(JobSpecBeanValidationTests::constraintName)
			.containsExactlyInAnyOrder("NotNull", "Pattern");
		assertThat(job.getConstraintsForProperty("source").isCascaded()).isTrue();
		assertThat(validator.getConstraintsForClass(SourceSpec.class)
			.getConstraintsForProperty("bucket")
			.getConstraintDescriptors()).extracting(JobSpecBeanValidationTests::constraintName)
			.containsExactly("NotBlank");
	}

	@Test
	void ignoresTheCopiesOnConstructorsAndAccessors() {
		Validator validator = JobSpecBeanValidation.jakartaValidator(JobSpec.class);
		for (Class<?> record : CASCADED) {
			BeanDescriptor bean = validator.getConstraintsForClass(record);

			assertThat(bean.getConstrainedConstructors()).as(record.getSimpleName()).isEmpty();
			assertThat(bean.getConstrainedMethods(MethodType.GETTER, MethodType.NON_GETTER)).as(record.getSimpleName())
				.isEmpty();
		}
	}

	@Test
	void readsConstraintsOnTheTypesItCascadesTo() {
		Validator validator = JobSpecBeanValidation.jakartaValidator(Window.class);

		List<String> violations = validator.validate(new Window(new Range(5, 1)))
			.stream()
			.map((ConstraintViolation<Window> violation) -> violation.getPropertyPath() + " " + violation.getMessage())
			.sorted()
			.toList();

		assertThat(violations).containsExactly("range must not end before it starts", "range.to must be at least 2");
	}

	private static String constraintName(ConstraintDescriptor<?> constraint) {
		return constraint.getAnnotation().annotationType().getSimpleName();
	}

	record Window(@Valid Range range) {
	}

	@Ordered
	record Range(int from, @Min(value = 2, message = "must be at least 2") int to) {
	}

	@Constraint(validatedBy = OrderedValidator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Ordered {

		String message() default "must not end before it starts";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	public static class OrderedValidator implements ConstraintValidator<Ordered, Range> {

		@Override
		public boolean isValid(Range range, ConstraintValidatorContext context) {
			return range.from() <= range.to();
		}

	}

}
