import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.Statement;

/**
 * A PostgreSQL server for the distributed scenario, the same embedded one the test suite uses (listening on
 * 127.0.0.1 only, its folder temporary): Postgres PORT-FILE DATABASE... creates the databases, writes the server's
 * port to PORT-FILE and runs until it is terminated, which stops the server.
 */
public class Postgres {

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "200")
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (Exception ex) {
				// ending anyway
			}
		}));
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String database : java.util.Arrays.copyOfRange(args, 1, args.length)) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		java.nio.file.Path written = java.nio.file.Path.of(args[0] + ".tmp");
		java.nio.file.Files.writeString(written, Integer.toString(server.getPort()));
		java.nio.file.Files.move(written, java.nio.file.Path.of(args[0]));
		Thread.sleep(Long.MAX_VALUE);
	}

}
