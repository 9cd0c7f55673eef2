-- The per-object ledger and the run lock of s3-bulk-copy. Portable SQL (H2 and PostgreSQL); idempotent.

-- One row per planned object of a run. RUN_ID is the Spring Batch job instance id; SEQ is the object's dense
-- position in the plan, so partitions are SEQ ranges that any worker (thread or machine) can read. ROW_KEY is both in
-- one number, RUN_ID * 2^40 + SEQ (ledger.LedgerKey): a single BIGINT key is one B-tree in H2, where (RUN_ID, SEQ)
-- was two, and a run's rows are one range of it. Databases keyed by (RUN_ID, SEQ) are moved to this layout on start
-- (job.JobDatabase).
CREATE TABLE IF NOT EXISTS BULK_LEDGER (
	ROW_KEY BIGINT NOT NULL,
	RUN_ID BIGINT NOT NULL,
	SEQ BIGINT NOT NULL,
	SOURCE_BUCKET VARCHAR(255) NOT NULL,
	SOURCE_KEY VARCHAR(1024) NOT NULL,
	VERSION_ID VARCHAR(1024),
	OBJECT_SIZE BIGINT,
	ETAG VARCHAR(128),
	CHECKSUM_ALGORITHM VARCHAR(32),
	STORAGE_CLASS VARCHAR(64),
	ENCRYPTION_STATUS VARCHAR(32),
	DESTINATION_KEY VARCHAR(2048) NOT NULL,
	STATUS VARCHAR(24) NOT NULL,
	ERROR_CODE VARCHAR(128),
	HTTP_STATUS INTEGER,
	MESSAGE VARCHAR(4000),
	VERIFY_METHOD VARCHAR(32),
	SOURCE_CHECKSUM VARCHAR(256),
	DESTINATION_CHECKSUM VARCHAR(256),
	VERDICT VARCHAR(24),
	VERDICT_REASON VARCHAR(1000),
	STARTED_AT TIMESTAMP,
	FINISHED_AT TIMESTAMP,
	CONSTRAINT BULK_LEDGER_ROW_KEY_PK PRIMARY KEY (ROW_KEY)
);

-- Columns added since the first layout (idempotent on H2 and PostgreSQL). LAST_MODIFIED, IS_LATEST and DELETE_MARKER
-- are what the manifest said of a version, for copying every version of a key in order; DESTINATION_VERSION_ID is
-- the destination version that holds the row's source version.
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS LAST_MODIFIED TIMESTAMP;
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS IS_LATEST BOOLEAN;
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS DELETE_MARKER BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS DESTINATION_VERSION_ID VARCHAR(1024);
-- What each copy did not carry over from its source (ledger.NotCarried bits), for the report's "not carried" list.
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS NOT_CARRIED INTEGER;
-- The latest verified copy of the row's object (ledger.LedgerProof): recorded by the run that verified it, carried
-- into the next run's row by its plan, so that a skip check can rely on it.
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS PROVEN_RUN BIGINT;
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS PROVEN_SOURCE_ETAG VARCHAR(128);
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS PROVEN_SIZE BIGINT;
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS PROVEN_DESTINATION_ETAG VARCHAR(128);
ALTER TABLE BULK_LEDGER ADD COLUMN IF NOT EXISTS PROVEN_DESTINATION_VERSION_ID VARCHAR(1024);

-- No index on the key columns: at up to 1,024 bytes a key, each index made planning three times slower, and keys
-- are read in key order once per report (one sort) and looked up only when a resume aborts leftover uploads. An index
-- on (RUN_ID, SOURCE_KEY, VERSION_ID, SEQ), which spares the report its sort, made H2 plan keys that do not come in key
-- order at 2.9 x the CPU per row and write a job database of 2,935 bytes per row instead of 333 (docs/performance.md).

-- Which process is working on a job right now. A process holds the job's row while it runs and refreshes HEARTBEAT;
-- a row whose heartbeat is stale belongs to a process that died (kill -9) and may be taken over.
CREATE TABLE IF NOT EXISTS BULK_JOB_LOCK (
	JOB_NAME VARCHAR(100) NOT NULL,
	OWNER VARCHAR(255) NOT NULL,
	HEARTBEAT TIMESTAMP NOT NULL,
	CONSTRAINT BULK_JOB_LOCK_PK PRIMARY KEY (JOB_NAME)
);

-- Destination objects under destination.prefix that no object of a run's plan maps to (extras), found by listing the
-- destination (verify runs, and copy runs with copy.delete-extraneous), with what became of each: FOUND, DELETED or
-- DELETE_FAILED. ROW_KEY is RUN_ID * 2^40 + the extra's position in the listing (ledger.LedgerKey), so a run's extras
-- are one range of it, read in listing order.
CREATE TABLE IF NOT EXISTS BULK_EXTRA (
	ROW_KEY BIGINT NOT NULL,
	RUN_ID BIGINT NOT NULL,
	DESTINATION_KEY VARCHAR(2048) NOT NULL,
	SOURCE_KEY VARCHAR(2048) NOT NULL,
	OBJECT_SIZE BIGINT,
	ETAG VARCHAR(128),
	LAST_MODIFIED TIMESTAMP,
	STATUS VARCHAR(24) NOT NULL,
	ERROR_CODE VARCHAR(128),
	MESSAGE VARCHAR(4000),
	FINISHED_AT TIMESTAMP,
	CONSTRAINT BULK_EXTRA_ROW_KEY_PK PRIMARY KEY (ROW_KEY)
);

-- The workers of distributed runs (copy --distributed, worker): each holds a row while it serves a job and refreshes
-- HEARTBEAT; a worker whose heartbeat is stale died (kill -9, power loss), and its partition may be taken over.
CREATE TABLE IF NOT EXISTS BULK_WORKER (
	WORKER_ID VARCHAR(255) NOT NULL,
	JOB_NAME VARCHAR(100) NOT NULL,
	STARTED_AT TIMESTAMP NOT NULL,
	HEARTBEAT TIMESTAMP NOT NULL,
	CONSTRAINT BULK_WORKER_PK PRIMARY KEY (WORKER_ID)
);

-- Which worker runs (or last ran) each partition of a distributed run: a worker claims a partition before it runs it,
-- and takes it over only from a worker that is gone.
CREATE TABLE IF NOT EXISTS BULK_PARTITION_OWNER (
	STEP_EXECUTION_ID BIGINT NOT NULL,
	WORKER_ID VARCHAR(255) NOT NULL,
	CLAIMED_AT TIMESTAMP NOT NULL,
	TAKEOVERS INTEGER DEFAULT 0 NOT NULL,
	CONSTRAINT BULK_PARTITION_OWNER_PK PRIMARY KEY (STEP_EXECUTION_ID)
);

-- What each worker wrote to the ledger of each partition (objects, bytes), recorded in the chunk's transaction.
CREATE TABLE IF NOT EXISTS BULK_WORKER_SHARE (
	STEP_EXECUTION_ID BIGINT NOT NULL,
	WORKER_ID VARCHAR(255) NOT NULL,
	OBJECTS BIGINT NOT NULL,
	BYTES BIGINT NOT NULL,
	CONSTRAINT BULK_WORKER_SHARE_PK PRIMARY KEY (STEP_EXECUTION_ID, WORKER_ID)
);

-- A run's totals next to its rows, so that `status` reads a handful of rows however large the run (ledger.RunCounts
-- says how they stay exact): objects and bytes by status and verdict ('' for none), and objects finished (bytes copied)
-- per 5-second BUCKET (epoch seconds). Each writer adds to its own SLOT (its step execution id, 0 outside a step); a
-- run's totals are the sums over its slots.
CREATE TABLE IF NOT EXISTS BULK_RUN_COUNTS (
	RUN_ID BIGINT NOT NULL,
	SLOT BIGINT NOT NULL,
	STATUS VARCHAR(24) NOT NULL,
	VERDICT VARCHAR(24) NOT NULL,
	OBJECTS BIGINT NOT NULL,
	BYTES BIGINT NOT NULL,
	CONSTRAINT BULK_RUN_COUNTS_PK PRIMARY KEY (RUN_ID, SLOT, STATUS, VERDICT)
);

CREATE TABLE IF NOT EXISTS BULK_RUN_PACE (
	RUN_ID BIGINT NOT NULL,
	BUCKET BIGINT NOT NULL,
	SLOT BIGINT NOT NULL,
	OBJECTS BIGINT NOT NULL,
	COPIED_BYTES BIGINT NOT NULL,
	CONSTRAINT BULK_RUN_PACE_PK PRIMARY KEY (RUN_ID, BUCKET, SLOT)
);
