package io.github.s3bulkcopy.distributed;

import io.github.s3bulkcopy.InvalidSetupException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Where the broker of a distributed run is: an existing Artemis named by URL
 * ({@code s3bulkcopy.broker.url}, with {@code s3bulkcopy.broker.user} and
 * {@code s3bulkcopy.broker.password} when it asks for them), or, for the manager when no
 * URL is set, one embedded in the manager and bound to {@code s3bulkcopy.broker.bind}
 * (default {@value #DEFAULT_BIND}).
 */
public record BrokerSettings(@Nullable String url, String bind, @Nullable String user, @Nullable String password) {

	public static final String DEFAULT_BIND = "127.0.0.1:61616";

	public static BrokerSettings from(Environment environment) {
		String url = environment.getProperty("s3bulkcopy.broker.url");
		String bind = environment.getProperty("s3bulkcopy.broker.bind", DEFAULT_BIND);
		if (!bind.matches("[^:/\\s]+:\\d{1,5}")) {
			throw new InvalidSetupException("s3bulkcopy.broker.bind (--broker-bind) must be HOST:PORT, such as "
					+ DEFAULT_BIND + ", not '" + bind + "'");
		}
		if (url != null && !url.isBlank() && !url.matches("(tcp|ssl)://.+")) {
			throw new InvalidSetupException("s3bulkcopy.broker.url (--broker) must be an Artemis URL such as "
					+ "tcp://broker.example.com:61616, not '" + url + "'");
		}
		return new BrokerSettings((url == null || url.isBlank()) ? null : url, bind,
				environment.getProperty("s3bulkcopy.broker.user"),
				environment.getProperty("s3bulkcopy.broker.password"));
	}

	/** Whether the manager embeds the broker. */
	public boolean embedded() {
		return this.url == null;
	}

	/** The URL clients connect to: the named broker, or the embedded one's address. */
	public String clientUrl() {
		return (this.url != null) ? this.url : "tcp://" + this.bind;
	}

	/**
	 * A connection factory for the broker. A consumer takes one request at a time
	 * ({@code consumerWindowSize=0}): a busy worker buffering requests would starve idle
	 * ones.
	 */
	public ActiveMQConnectionFactory connectionFactory() {
		String clientUrl = clientUrl();
		if (!clientUrl.contains("consumerWindowSize")) {
			clientUrl += (clientUrl.contains("?") ? "&" : "?") + "consumerWindowSize=0";
		}
		ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(clientUrl);
		if (this.user != null) {
			factory.setUser(this.user);
			factory.setPassword(this.password);
		}
		return factory;
	}

	@Override
	public String toString() {
		// never the password
		return "BrokerSettings[" + clientUrl() + "]";
	}

}
