package io.github.s3bulkcopy.distributed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.github.s3bulkcopy.InvalidSetupException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Where the broker of a distributed run is: an existing Artemis named by URL
 * ({@code s3bulkcopy.broker.url}), or, for the manager when no URL is set, one embedded
 * in the manager and bound to {@code s3bulkcopy.broker.bind} (default
 * {@value #DEFAULT_BIND}).
 * <p>
 * A broker that asks for a login gets it from the process's environment only, never from
 * the job file, the command line or a system property (which every user of the host sees
 * in the process list): {@value #USER_VARIABLE}, and the password in
 * {@value #PASSWORD_VARIABLE} or in the file {@value #PASSWORD_FILE_VARIABLE} names (a
 * mounted secret, a systemd credential). A URL carrying a user or password is refused.
 * The password is never logged or shown.
 */
public record BrokerSettings(@Nullable String url, String bind, @Nullable String user, @Nullable String password) {

	public static final String DEFAULT_BIND = "127.0.0.1:61616";

	/** The environment variable with the broker's user name. */
	public static final String USER_VARIABLE = "S3BULKCOPY_BROKER_USER";

	/** The environment variable with the broker's password. */
	public static final String PASSWORD_VARIABLE = "S3BULKCOPY_BROKER_PASSWORD";

	/**
	 * The environment variable naming a file that holds the broker's password (its first
	 * line).
	 */
	public static final String PASSWORD_FILE_VARIABLE = "S3BULKCOPY_BROKER_PASSWORD_FILE";

	public static BrokerSettings from(Environment environment) {
		return from(environment, System.getenv());
	}

	static BrokerSettings from(Environment environment, Map<String, String> variables) {
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
		if (url != null && (url.toLowerCase(Locale.ROOT).matches(".*[?&;](user|password|username)=.*")
				|| url.matches("\\w+://[^/]*@.*"))) {
			// Not echoed: it holds the secret
			throw new InvalidSetupException("s3bulkcopy.broker.url (--broker) carries a user or password: give them "
					+ "in the environment instead (" + USER_VARIABLE + ", and " + PASSWORD_VARIABLE + " or "
					+ PASSWORD_FILE_VARIABLE + ")");
		}
		for (String property : new String[] { "s3bulkcopy.broker.user", "s3bulkcopy.broker.password" }) {
			if (environment.getProperty(property) != null) {
				throw new InvalidSetupException(property + " is not read: give the broker's login in the environment ("
						+ USER_VARIABLE + ", and " + PASSWORD_VARIABLE + " or " + PASSWORD_FILE_VARIABLE
						+ "), where the process list does not show it");
			}
		}
		String user = blankToNull(variables.get(USER_VARIABLE));
		String password = password(variables);
		if (password != null && user == null) {
			throw new InvalidSetupException("a broker password is set but no user: set " + USER_VARIABLE);
		}
		return new BrokerSettings((url == null || url.isBlank()) ? null : url, bind, user, password);
	}

	private static @Nullable String password(Map<String, String> variables) {
		String password = blankToNull(variables.get(PASSWORD_VARIABLE));
		String file = blankToNull(variables.get(PASSWORD_FILE_VARIABLE));
		if (password != null && file != null) {
			throw new InvalidSetupException(
					"set one of " + PASSWORD_VARIABLE + " and " + PASSWORD_FILE_VARIABLE + ", not both");
		}
		if (file == null) {
			return password;
		}
		try {
			String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
			String first = content.lines().findFirst().orElse("");
			if (first.isEmpty()) {
				throw new InvalidSetupException(
						"the broker password file " + file + " (" + PASSWORD_FILE_VARIABLE + ") is empty");
			}
			return first;
		}
		catch (IOException ex) {
			throw new InvalidSetupException("cannot read the broker password file " + file + " ("
					+ PASSWORD_FILE_VARIABLE + "): " + ex.getClass().getSimpleName());
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
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
		return "BrokerSettings[" + clientUrl() + ((this.user != null) ? ", user " + this.user : "") + "]";
	}

}
