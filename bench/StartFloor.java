import java.net.URI;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The floor under an empty copy run on this tool's stack: the least a Spring Boot application with Spring Batch's JDBC
 * job repository on an H2 file can do and still list an S3 bucket. Only the auto-configurations that needs (the data
 * source, its transaction manager, Spring Batch's JDBC repository and the runner that starts the job); one job of one
 * tasklet step that builds one S3 client (the SDK's Apache 5 HTTP client, keys from the environment) and lists the
 * bucket, then exits. No job file, no ledger, no validation, no report, no second client. Run from a jar with the
 * tool's libraries beside it, on the launcher's JVM options with a class archive of its own (bench/run.sh start), the
 * time it takes is what no change to this tool's own code can go under.
 * <p>
 * Its settings are Spring Boot properties on the command line: {@code --floor.endpoint=URL --floor.bucket=NAME
 * --spring.datasource.url=jdbc:h2:file:PATH --spring.batch.jdbc.initialize-schema=always}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class, BatchJobLauncherAutoConfiguration.class })
public class StartFloor {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(StartFloor.class, args)));
	}

	@Bean
	Job floor(JobRepository repository, PlatformTransactionManager transactions, Environment environment) {
		URI endpoint = URI.create(environment.getRequiredProperty("floor.endpoint"));
		String bucket = environment.getRequiredProperty("floor.bucket");
		return new JobBuilder("floor", repository).incrementer(new RunIdIncrementer())
			.start(new StepBuilder("list", repository).tasklet((contribution, chunk) -> {
				try (S3Client s3 = S3Client.builder()
					.endpointOverride(endpoint)
					.forcePathStyle(true)
					.region(Region.US_EAST_1)
					.httpClientBuilder(Apache5HttpClient.builder())
					.credentialsProvider(EnvironmentVariableCredentialsProvider.create())
					.build()) {
					contribution.incrementReadCount();
					s3.listObjectsV2((list) -> list.bucket(bucket)).contents().size();
				}
				return RepeatStatus.FINISHED;
			}, transactions).build())
			.build();
	}

}
