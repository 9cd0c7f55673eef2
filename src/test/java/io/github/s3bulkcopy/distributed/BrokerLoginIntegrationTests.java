package io.github.s3bulkcopy.distributed;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.github.s3bulkcopy.InvalidSetupException;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The login to an existing Artemis that asks for one (a broker started here on 127.0.0.1
 * with security on): taken from the environment or a file it names, and nowhere else.
 */
class BrokerLoginIntegrationTests {

	private static final String SECRET = "s3cr3t-broker-pw";

	@TempDir
	Path dir;

	private EmbeddedActiveMQ broker;

	private String url;

	@BeforeEach
	void startSecuredBroker() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(true)
			.setJMXManagementEnabled(false)
			.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
		configuration.putSecurityRoles("#",
				Set.of(new Role("workers", true, true, true, true, true, true, false, true, true, true)));
		ActiveMQSecurityManagerImpl security = new ActiveMQSecurityManagerImpl();
		security.getConfiguration().addUser("copier", SECRET);
		security.getConfiguration().addRole("copier", "workers");
		this.broker = new EmbeddedActiveMQ().setConfiguration(configuration).setSecurityManager(security);
		this.broker.start();
		this.url = "tcp://127.0.0.1:" + port;
	}

	@AfterEach
	void stopBroker() throws Exception {
		this.broker.stop();
	}

	@Test
	void theLoginInAFileTheEnvironmentNamesOpensTheBroker() throws Exception {
		Path file = Files.writeString(this.dir.resolve("broker-password"), SECRET + "\n");
		BrokerSettings settings = BrokerSettings.from(environment(),
				Map.of(BrokerSettings.USER_VARIABLE, "copier", BrokerSettings.PASSWORD_FILE_VARIABLE, file.toString()));

		assertThat(roundTrip(settings)).isEqualTo("partition request");
		assertThat(settings.toString()).contains(this.url).doesNotContain(SECRET);
	}

	@Test
	void theLoginInTheEnvironmentOpensTheBroker() throws Exception {
		BrokerSettings settings = BrokerSettings.from(environment(),
				Map.of(BrokerSettings.USER_VARIABLE, "copier", BrokerSettings.PASSWORD_VARIABLE, SECRET));

		assertThat(roundTrip(settings)).isEqualTo("partition request");
	}

	@Test
	void withoutTheLoginTheBrokerRefusesTheConnection() {
		BrokerSettings settings = BrokerSettings.from(environment(), Map.of());

		assertThatExceptionOfType(JMSSecurityException.class).isThrownBy(() -> roundTrip(settings));
	}

	@Test
	void aLoginInTheUrlOrInPropertiesIsRefusedWithoutShowingIt() {
		MockEnvironment inUrl = new MockEnvironment().withProperty("s3bulkcopy.broker.url",
				this.url + "?user=copier&password=" + SECRET);
		MockEnvironment inProperty = environment().withProperty("s3bulkcopy.broker.password", SECRET);

		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> BrokerSettings.from(inUrl, Map.of()))
			.withMessageContaining("carries a user or password")
			.withMessageContaining(BrokerSettings.PASSWORD_FILE_VARIABLE)
			.withMessageNotContaining(SECRET);
		assertThatExceptionOfType(InvalidSetupException.class)
			.isThrownBy(() -> BrokerSettings.from(inProperty, Map.of()))
			.withMessageContaining("s3bulkcopy.broker.password is not read")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void theEmbeddedBrokerBindsToTheLoopbackAddressUnlessToldOtherwise() {
		BrokerSettings settings = BrokerSettings.from(new MockEnvironment(), Map.of());

		assertThat(settings.embedded()).isTrue();
		assertThat(settings.bind()).isEqualTo("127.0.0.1:61616");
	}

	private MockEnvironment environment() {
		return new MockEnvironment().withProperty("s3bulkcopy.broker.url", this.url);
	}

	private String roundTrip(BrokerSettings settings) throws Exception {
		try (Connection connection = settings.connectionFactory().createConnection()) {
			connection.start();
			Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
			session.createProducer(session.createQueue("s3bulkcopy.login-job.partitions"))
				.send(session.createTextMessage("partition request"));
			MessageConsumer consumer = session.createConsumer(session.createQueue("s3bulkcopy.login-job.partitions"));
			return ((TextMessage) consumer.receive(10_000)).getText();
		}
	}

}
