package io.github.s3bulkcopy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL server for tests of the job database on PostgreSQL: one per test JVM, a
 * separate process listening on 127.0.0.1 only, started when a test first asks for a
 * database (about 2 seconds) and stopped when the JVM ends. Each test gets a database of
 * its own.
 */
public final class LocalPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private LocalPostgres() {
	}

	/** A new, empty database on the shared server. */
	public static Database database() {
		String name = "test_" + databases.incrementAndGet();
		new JdbcTemplate(Shared.SERVER.getPostgresDatabase()).execute("CREATE DATABASE " + name);
		return new Database(name, "jdbc:postgresql://127.0.0.1:" + Shared.SERVER.getPort() + "/" + name,
				Shared.SERVER.getDatabase("postgres", name));
	}

	/**
	 * A database: its JDBC URL (user {@code postgres}, no password) and a data source for
	 * it.
	 */
	public record Database(String name, String url, DataSource dataSource) {

		public static final String USER = "postgres";

	}

	private static final class Shared {

		static final EmbeddedPostgres SERVER = start();

		private static EmbeddedPostgres start() {
			try {
				EmbeddedPostgres server = EmbeddedPostgres.builder()
					.setServerConfig("listen_addresses", "127.0.0.1")
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						server.close();
					}
					catch (IOException ex) {
						// the JVM is ending; the server's folder is temporary
					}
				}, "local-postgres-shutdown"));
				return server;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot start the local PostgreSQL server", ex);
			}
		}

	}

}
