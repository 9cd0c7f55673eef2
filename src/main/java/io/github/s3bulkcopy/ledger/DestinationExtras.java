package io.github.s3bulkcopy.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.util.Assert;

/**
 * A run's extras in the job database (table {@code BULK_EXTRA}): destination objects
 * under the destination prefix that no object of the run's plan maps to, in listing
 * order, each with what became of it. Also reads the plan's destination keys in the order
 * S3 lists keys, which finding the extras merges the listing with.
 */
public class DestinationExtras {

	private static final String COLUMNS = "ROW_KEY, DESTINATION_KEY, SOURCE_KEY, OBJECT_SIZE, ETAG, LAST_MODIFIED, "
			+ "STATUS, ERROR_CODE, MESSAGE, FINISHED_AT";

	private static final RowMapper<ExtraObject> MAPPER = (rs, n) -> map(rs);

	private final JdbcTemplate jdbc;

	private volatile @Nullable String keyOrder;

	public DestinationExtras(JdbcTemplate jdbc) {
		Assert.notNull(jdbc, "jdbc is required");
		this.jdbc = jdbc;
	}

	/** Forgets a run's extras, to find them again from the start. */
	public void clear(long runId) {
		this.jdbc.update("DELETE FROM BULK_EXTRA WHERE " + JdbcLedger.OF_RUN, JdbcLedger.runKeys(runId));
	}

	/** Adds extras to a run, in one batch. */
	public void insert(long runId, List<ExtraObject> extras) {
		this.jdbc.batchUpdate(
				"INSERT INTO BULK_EXTRA (ROW_KEY, RUN_ID, DESTINATION_KEY, SOURCE_KEY, OBJECT_SIZE, "
						+ "ETAG, LAST_MODIFIED, STATUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				extras, extras.size(), (ps, e) -> {
					ps.setLong(1, LedgerKey.of(runId, e.seq()));
					ps.setLong(2, runId);
					ps.setString(3, e.destinationKey());
					ps.setString(4, e.sourceKey());
					if (e.size() != null) {
						ps.setLong(5, e.size());
					}
					else {
						ps.setNull(5, Types.BIGINT);
					}
					ps.setString(6, e.etag());
					ps.setTimestamp(7, (e.lastModified() != null) ? Timestamp.from(e.lastModified()) : null);
					ps.setString(8, e.status().name());
				});
	}

	/** Records what became of extras (deleted, or not), in one batch. */
	public void record(long runId, List<ExtraObject> extras) {
		this.jdbc.batchUpdate(
				"UPDATE BULK_EXTRA SET STATUS = ?, ERROR_CODE = ?, MESSAGE = ?, FINISHED_AT = ? " + "WHERE ROW_KEY = ?",
				extras, extras.size(), (ps, e) -> {
					ps.setString(1, e.status().name());
					ps.setString(2, e.errorCode());
					String message = e.message();
					ps.setString(3,
							(message != null && message.length() > 4000) ? message.substring(0, 3999) + "…" : message);
					ps.setTimestamp(4, (e.finishedAt() != null) ? Timestamp.from(e.finishedAt()) : null);
					ps.setLong(5, LedgerKey.of(runId, e.seq()));
				});
	}

	/** A run's extras by what became of them. */
	public ExtraCounts counts(long runId) {
		Map<ExtraStatus, Long> counts = new EnumMap<>(ExtraStatus.class);
		this.jdbc.query("SELECT STATUS, COUNT(*) FROM BULK_EXTRA WHERE " + JdbcLedger.OF_RUN + " GROUP BY STATUS",
				(rs) -> {
					counts.put(ExtraStatus.valueOf(rs.getString(1)), rs.getLong(2));
				}, JdbcLedger.runKeys(runId));
		return new ExtraCounts(counts.getOrDefault(ExtraStatus.FOUND, 0L), counts.getOrDefault(ExtraStatus.DELETED, 0L),
				counts.getOrDefault(ExtraStatus.DELETE_FAILED, 0L));
	}

	/** Up to {@code limit} extras of a run in listing order. */
	public List<ExtraObject> first(long runId, int limit) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM BULK_EXTRA WHERE " + JdbcLedger.OF_RUN
				+ " ORDER BY ROW_KEY FETCH FIRST " + limit + " ROWS ONLY", MAPPER, JdbcLedger.runKeys(runId));
	}

	/**
	 * Up to {@code limit} extras of a run still FOUND, after position {@code afterSeq},
	 * in listing order.
	 */
	public List<ExtraObject> found(long runId, long afterSeq, int limit) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM BULK_EXTRA WHERE ROW_KEY > ? AND ROW_KEY <= ? AND STATUS = "
						+ "'FOUND' ORDER BY ROW_KEY FETCH FIRST " + limit + " ROWS ONLY",
				MAPPER, LedgerKey.of(runId, afterSeq), LedgerKey.last(runId));
	}

	/**
	 * Every extra of a run in listing order, read lazily. The stream holds a database
	 * cursor: close it.
	 */
	public Stream<ExtraObject> stream(long runId) {
		return this.jdbc.queryForStream(connection -> {
			JobDatabase.readByFetchSize(connection);
			var ps = connection.prepareStatement(
					"SELECT " + COLUMNS + " FROM BULK_EXTRA WHERE " + JdbcLedger.OF_RUN + " ORDER BY ROW_KEY");
			ps.setFetchSize(1000);
			ps.setLong(1, LedgerKey.first(runId));
			ps.setLong(2, LedgerKey.last(runId));
			return ps;
		}, MAPPER);
	}

	/**
	 * The destination keys of a run's plan in the order S3 lists keys ({@link KeyOrder}),
	 * one per planned row (a key with several versions comes several times), read lazily.
	 * The database sorts by the keys' UTF-8 bytes: H2 by the key cast to VARBINARY,
	 * PostgreSQL in the "C" collation (byte order of a UTF8 database), since their
	 * default string orders (UTF-16 units, or the locale's) are not S3's. The stream
	 * holds a database cursor: close it.
	 */
	public Stream<String> plannedDestinationKeys(long runId) {
		String order = keyOrder();
		return this.jdbc.queryForStream(connection -> {
			JobDatabase.readByFetchSize(connection);
			var ps = connection.prepareStatement(
					"SELECT DESTINATION_KEY FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN + " ORDER BY " + order);
			ps.setFetchSize(1000);
			ps.setLong(1, LedgerKey.first(runId));
			ps.setLong(2, LedgerKey.last(runId));
			return ps;
		}, (rs, n) -> rs.getString(1));
	}

	private String keyOrder() {
		String order = this.keyOrder;
		if (order == null) {
			order = JobDatabase.isPostgresql(this.jdbc) ? "DESTINATION_KEY COLLATE \"C\""
					: "CAST(DESTINATION_KEY AS VARBINARY)";
			this.keyOrder = order;
		}
		return order;
	}

	private static ExtraObject map(ResultSet rs) throws SQLException {
		long size = rs.getLong("OBJECT_SIZE");
		Long objectSize = rs.wasNull() ? null : size;
		return new ExtraObject(rs.getLong("ROW_KEY") & LedgerKey.MAX_SEQ, rs.getString("DESTINATION_KEY"),
				rs.getString("SOURCE_KEY"), objectSize, rs.getString("ETAG"), instant(rs.getTimestamp("LAST_MODIFIED")),
				ExtraStatus.valueOf(rs.getString("STATUS")), rs.getString("ERROR_CODE"), rs.getString("MESSAGE"),
				instant(rs.getTimestamp("FINISHED_AT")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
