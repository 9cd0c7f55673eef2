package io.github.s3bulkcopy.ledger;

/**
 * The ledger's row key: a run and an object's plan position in one BIGINT,
 * {@code RUN_ID × 2^40 + SEQ}, so a run's rows are one range of keys, in plan order.
 * <p>
 * Why one column: H2 stores a table whose primary key is a single BIGINT column in one
 * B-tree ordered by it. With the two-column key (RUN_ID, SEQ) it kept the rows under
 * hidden row ids and the key as a second B-tree, which every insert and every update by
 * key paid for twice: on 200,000 rows under the launcher's C1 compiler the plan's inserts
 * took 1.6 instead of 2.4 CPU s and recording outcomes 2.8 instead of 4.6, H2 alone.
 * PostgreSQL does not care either way.
 */
final class LedgerKey {

	static final int SEQ_BITS = 40;

	/** The highest plan position a run can have: 1,099,511,627,775 objects. */
	public static final long MAX_SEQ = (1L << SEQ_BITS) - 1;

	/**
	 * The highest run id (Spring Batch job instance id) the ledger can hold: 8,388,607.
	 */
	public static final long MAX_RUN_ID = (1L << (Long.SIZE - 1 - SEQ_BITS)) - 1;

	private LedgerKey() {
	}

	/**
	 * The row key of an object of a run.
	 * @throws IllegalArgumentException when either is out of range
	 */
	public static long of(long runId, long seq) {
		if (runId < 0 || runId > MAX_RUN_ID) {
			throw new IllegalArgumentException("run id " + runId + " is beyond what the ledger holds (0 to "
					+ MAX_RUN_ID + "): start a new job database");
		}
		if (seq < 0 || seq > MAX_SEQ) {
			throw new IllegalArgumentException("plan position " + seq + " is beyond what the ledger holds (a run "
					+ "plans at most " + MAX_SEQ + " objects)");
		}
		return (runId << SEQ_BITS) | seq;
	}

	/**
	 * The same key as an SQL expression of the row's run id and plan position columns.
	 */
	public static String sql(String runIdColumn, String seqColumn) {
		return "(" + runIdColumn + " * " + (1L << SEQ_BITS) + " + " + seqColumn + ")";
	}

	/** The lowest key a row of the run can have (plan positions start at 1). */
	public static long first(long runId) {
		return of(runId, 0);
	}

	/** The highest key a row of the run can have. */
	public static long last(long runId) {
		return of(runId, MAX_SEQ);
	}

}
