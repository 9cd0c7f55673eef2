package io.github.s3bulkcopy.cli;

import io.github.s3bulkcopy.clients.ClientWarmUp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StartupWarmUp}: which commands get a warm-up, and that each part of it readies
 * what it names, without a server or a network.
 */
class StartupWarmUpTests {

	@Test
	void aJobsRunIsWarmedUpOtherCommandsAreNot() {
		for (String command : new String[] { "copy", "restart", "verify", "schedule", "demo" }) {
			assertThat(StartupWarmUp.workFor(command)).as(command).isNotNull();
		}
		for (String command : new String[] { "status", "report", "stop", "policies", "--help", "cpoy" }) {
			assertThat(StartupWarmUp.workFor(command)).as(command).isNull();
		}
		assertThat(StartupWarmUp.startFor()).isNull();
	}

	@Test
	void theWarmUpRunsOnADaemonThreadUnlessSwitchedOff() throws Exception {
		Thread thread = StartupWarmUp.startFor("verify", "--job", "job.yml");

		assertThat(thread).isNotNull();
		assertThat(thread.isDaemon()).isTrue();
		thread.join(60_000);
		assertThat(thread.isAlive()).isFalse();

		System.setProperty(StartupWarmUp.PROPERTY, "false");
		try {
			assertThat(StartupWarmUp.startFor("copy", "--job", "job.yml")).isNull();
		}
		finally {
			System.clearProperty(StartupWarmUp.PROPERTY);
		}
	}

	@Test
	void eachPartReadiesWhatItNames() {
		assertThat(StartupWarmUp.jobDatabaseEngine()).as("H2").isTrue();
		assertThat(ClientWarmUp.run()).as("the AWS SDK").isTrue();
		assertThat(StartupWarmUp.json()).as("Jackson").isTrue();
	}

}
