package io.github.s3bulkcopy.distributed;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * An ActiveMQ Artemis broker inside the manager, on one TCP address. It keeps nothing on
 * disk: the job database is what a run resumes from, and a manager that starts again
 * sends its partitions again.
 */
public class EmbeddedBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedBroker.class);

	private final @Nullable EmbeddedActiveMQ broker;

	private final @Nullable Path directory;

	private EmbeddedBroker(@Nullable EmbeddedActiveMQ broker, @Nullable Path directory) {
		this.broker = broker;
		this.directory = directory;
	}

	/** No broker here: the run uses one named by URL. */
	public static EmbeddedBroker none() {
		return new EmbeddedBroker(null, null);
	}

	/** Starts a broker listening on {@code host:port}. */
	public static EmbeddedBroker start(String bind) throws Exception {
		Path directory = Files.createTempDirectory("s3-bulk-copy-broker");
		Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.setJMXManagementEnabled(false)
			.setPagingDirectory(directory.resolve("paging").toString())
			.setBindingsDirectory(directory.resolve("bindings").toString())
			.setJournalDirectory(directory.resolve("journal").toString())
			.setLargeMessagesDirectory(directory.resolve("large").toString())
			.addAcceptorConfiguration("tcp", "tcp://" + bind);
		// A request rolled back (a worker stopping, or refusing the run) comes again
		// after a second, not at once.
		// A request that failed 50 times goes to DLQ, where an operator can see it;
		// nothing expires.
		configuration.addAddressSetting("#",
				new AddressSettings().setRedeliveryDelay(1000)
					.setMaxDeliveryAttempts(50)
					.setDeadLetterAddress(SimpleString.of("DLQ"))
					.setExpiryAddress(SimpleString.of("ExpiryQueue")));
		EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
		broker.start();
		logger.info("Broker listening on tcp://{}", bind);
		return new EmbeddedBroker(broker, directory);
	}

	@Override
	public void close() throws Exception {
		if (this.broker == null || this.directory == null) {
			return;
		}
		try {
			this.broker.stop();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.directory);
		}
	}

}
