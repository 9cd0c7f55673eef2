package io.github.s3bulkcopy.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.github.s3bulkcopy.Futures;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The job database's data source while {@link JobDatabase} opens it and creates its
 * missing tables on a thread of its own, so that the application's other beans are made
 * meanwhile (opening an H2 file takes some 60 ms of an empty run). A connection is handed
 * out once the tables exist; a database that cannot be opened fails every request with
 * the reason the opening gave.
 */
public final class OpeningDataSource extends DelegatingDataSource implements Closeable {

	private final CompletableFuture<Void> opened;

	private OpeningDataSource(DataSource target, CompletableFuture<Void> opened) {
		super(target);
		this.opened = opened;
	}

	/** Starts opening the job database behind {@code target}. */
	public static OpeningDataSource open(DataSource target) {
		return new OpeningDataSource(target,
				Futures.runOnOwnThread("job-database-opening", () -> new JobDatabase(target).initialize()));
	}

	@Override
	public Connection getConnection() throws SQLException {
		awaitOpened();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		awaitOpened();
		return super.getConnection(username, password);
	}

	private void awaitOpened() {
		Futures.join(this.opened);
	}

	/** Closes the pool behind it, as the context closes the data source. */
	@Override
	public void close() throws IOException {
		if (obtainTargetDataSource() instanceof Closeable pool) {
			pool.close();
		}
	}

}
