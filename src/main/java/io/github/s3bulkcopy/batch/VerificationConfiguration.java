package io.github.s3bulkcopy.batch;

import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.VerifySpec;
import io.github.s3bulkcopy.verify.FullReadVerifier;
import io.github.s3bulkcopy.verify.VerificationPolicy;
import io.github.s3bulkcopy.verify.Verifier;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * How a job proves objects intact, shared by its copy runs and its verify runs. Wiring
 * only.
 */
@Configuration(proxyBeanMethods = false)
public class VerificationConfiguration {

	@Bean
	Verifier verifier(JobSpec spec) {
		return new Verifier(policy(spec.verify()));
	}

	@Bean
	// Lazy: built by the first copy, like the asynchronous clients it holds
	// (S3Configuration).
	@Lazy
	FullReadVerifier fullReadVerifier(@Qualifier("sourceS3") S3AsyncClient sourceS3,
			@Qualifier("destinationS3") S3AsyncClient destinationS3) {
		return new FullReadVerifier(sourceS3, destinationS3);
	}

	public static VerificationPolicy policy(VerifySpec verify) {
		return switch (verify.method()) {
			case AUTO -> VerificationPolicy.auto(verify.require());
			case CHECKSUM -> VerificationPolicy.checksumOnly(verify.require());
			case ETAG -> VerificationPolicy.etagOnly(verify.require());
			case FULL_READ -> VerificationPolicy.fullReadOnly(verify.require());
			case NONE -> VerificationPolicy.none(verify.require());
		};
	}

}
