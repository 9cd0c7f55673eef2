#!/usr/bin/env bash
# The benchmark: s3-bulk-copy against rclone, aws s3 sync and a bare AWS SDK copy loop, each tool on the same local
# S3 server (S3Proxy on 127.0.0.1) and the same data, whole processes timed from start to exit (bench/measure.py).
#
#   bench/run.sh [small|plan|stream|large|memory|latency|throttle|scale|distributed|start|all]      (default: all)
#
#   small   OBJECTS x SIZE objects copied server-side: this tool, rclone, aws s3 sync, a bare SDK copy loop (on the JVM's
#           defaults; on the launcher's C1 + serial GC; and so with the CRT-based HTTP client); this tool's CPU per
#           step (its CPU sampled every 50 ms) and, with the loop on the CRT client, the run's CPU budget on two cores:
#           the most a run of this tool could make against rclone's, as it starts, plans and reports (cpu_budget)
#   stream  the same objects streamed between two accounts (two S3Proxy identities, one server): this tool with
#           copy.mode: stream and a profile per side (a shared credentials file in the temporary folder), against
#           rclone between two remotes, and the bare SDK loop streaming (bench/CopyLoop.java ... stream: the same GET
#           and PUT per object on the launcher's settings and the CRT client, nothing else; STREAM_OTHERS=0: not run)
#   large   LARGE_COUNT x LARGE_SIZE objects on a second S3Proxy with a filesystem store (checks free disk first):
#           multipart copy server-side (UploadPartCopy) within one account, and streamed (ranged GETs into a
#           multipart upload) between two accounts; this tool and rclone for both, each run after a sync with the
#           source's pages dropped from the page cache
#   memory  MEMORY_OBJECTS x MEMORY_SIZE objects copied by this tool with -Xmx$MEMORY_XMX, then MEMORY_COMPARE objects
#           the same way: the live heap (after full GCs asked for every HEAP_SAMPLE s) should not grow with the
#           manifest; rclone on the same MEMORY_OBJECTS objects (the ratio is a server-side copy of small objects, as
#           in small: the heap limit and the full GCs cost no CPU that alternated runs told apart)
#   plan    an S3 Inventory report of PLAN_ROWS rows planned by copy --dry-run with -Xmx256m
#   latency OBJECTS (100,000 unless set) x SIZE objects copied server-side through a relay in front of S3Proxy that
#           holds every request LATENCY (+- JITTER) before forwarding it, as S3 far away answers: this tool at
#           copy.concurrency N and rclone at --transfers N --checkers N for each N in IN_FLIGHT, and for "defaults" there
#           each tool at its defaults (this tool's is copy.concurrency: auto); objects/s side by side with the Little's-law limit (in
#           flight / latency, in requests/s), and auto against this tool's best fixed setting and rclone's defaults
#   throttle OBJECTS (20,000 unless set) x SIZE objects through a relay that also answers 503 SlowDown above
#           THROTTLE_RPS requests/s: this tool at each copy.concurrency of THROTTLE_IN_FLIGHT (auto or a number),
#           rclone at --transfers/--checkers of its first number (64 when it has none); objects/s, the share of
#           requests answered 503, whether everything was copied, where this tool's objects in flight settled, and its
#           copy step's rate (start-up and listing left out)
#           The relay is io.github.s3bulkcopy.testsupport.LatencyRelay, run from the test classes: one thread and one
#           keep-alive server connection per client connection, bodies streamed; its counters (requests, 503s, the
#           most requests in flight at once, its CPU) are reset before and read after each run (GET /_relay/stats)
#   scale   an S3 Inventory report of SCALE_ROWS rows (keys in 997 folders): planned by copy --dry-run with -Xmx256m,
#           its plan step's progress sampled every SCALE_SAMPLE s from the job database (bench/LedgerWatch.java) for
#           the planning rate as the ledger grows, and the database's size; once the plan step has completed, the
#           ledger queries `status` makes for a run going on (the run's kept totals and pace) are timed, in the run's
#           own H2 server; then a real copy (-Xmx256m) of the same
#           inventory with filter.include on the first SCALE_SLICE folders, whose objects (SCALE_SIZE bytes each) are
#           the only ones seeded: its plan step reads every row and keeps the slice, which is copied and reported.
#           `status --job` is timed every SCALE_STATUS_EVERY s while that run goes on (whole process, JVM start
#           included), each time followed by status's floor (bench/StatusFloor.java, as in start), and again after
#           it. Not in `all`: at full size it takes an hour or more
#   distributed OBJECTS (20,000 unless set) x SIZE objects copied server-side through the latency relay by a
#           distributed run (docs/scale-out.md) on a PostgreSQL server started here (the suite's embedded one): a
#           manager (copy --distributed, broker embedded) and 1, 2, 3 worker processes (DIST_WORKERS) at
#           copy.concurrency DIST_CONCURRENCY each, then one process at the same total concurrency; objects/s in the
#           copy step against the Little's-law limit, each process's CPU; then one worker killed with SIGKILL once it
#           has committed two chunks of a partition, and how long until another worker took the partition over and
#           committed in it. Not in `all`
#   start   an empty copy run (a listing of an empty bucket: start-up, plan, report, exit) and `status` on its job
#           database, through the launcher, against the floor of this tool's stack (bench/StartFloor.java: Spring Boot,
#           Spring Batch's JDBC job repository on an H2 file and one S3 listing, nothing else, on the launcher's JVM
#           options with a class archive of its own), `status` against its own floor (bench/StatusFloor.java: the
#           job database opened by its URL and status's queries, no command-line parser, no Spring Boot environment)
#           and an empty rclone copy; START_RUNS of each, alternated; medians, and for the empty run also how long
#           the run itself took by its summary.json (from its job's start to its report), so what start-up and exit
#           add outside it
#
# Settings (environment; sizes in bytes or with KiB, MiB, GiB):
#   OBJECTS=20000 SIZE=4096 CONCURRENCY=64 PLAN_ROWS=1000000
#   LARGE_COUNT=3 LARGE_SIZE=1GiB LARGE_THRESHOLD=64MiB LARGE_PART=64MiB   (threshold and part size of this tool;
#     rclone gets --s3-copy-cutoff LARGE_PART server-side, --s3-upload-cutoff LARGE_THRESHOLD and --s3-chunk-size
#     LARGE_PART between two remotes)
#   MEMORY_OBJECTS=100000 MEMORY_COMPARE=10000 MEMORY_SIZE=1024 MEMORY_XMX=512m HEAP_SAMPLE=10
#   TOOL_TIMEOUT=1800   seconds any one tool run may take before its processes are killed (exit 124 in the CSV)
#   PROFILE=1           record each run of this tool with JFR: target/bench/<scenario>-tool.jfr (settings=profile)
#   LAUNCHER=1          run this tool through bin/s3-bulk-copy, as users do, after one unmeasured warm-up run that
#                       records its class archive (in target/bench/launcher-cache); LAUNCHER=0: plain java -jar
#   HTTP_CLIENT=netty   run this tool with -Ds3bulkcopy.http-client=netty (or crt; its default, auto, takes the
#                       CRT-based client for server-side copies and streamed objects up to 1 MiB, Netty for
#                       larger streamed ones)
#   TOOL_OPTS="..."     more JVM options for this tool's runs, after the script's own (-Dname=value, -XX:...)
#   SMALL_OTHERS=0      the small scenario runs this tool and rclone only (no aws s3 sync, no bare SDK loops);
#                       SMALL_OTHERS=sdk: and the bare SDK loop on the launcher's settings with the CRT client
#   STREAM_OTHERS=0     the stream scenario runs this tool and rclone only (no bare SDK stream loop)
#   ALSO_JAVA_HOME=DIR  in small, stream and large, also run this tool on the JDK in DIR, right after its run on the
#                       default one (a row "s3-bulk-copy ... (JDK N)"; e.g. /usr/lib/jvm/temurin-25-jdk-amd64, where
#                       the launcher maps an AOT cache instead of a dynamic class archive)
#   SERVER_HEAP=4g      S3Proxy's -Xmx
#   LATENCY=20ms JITTER=0ms IN_FLIGHT="64 256 defaults"   the relay's hold per request (ms or s), its spread either
#                       way, and the in-flight counts the latency scenario compares the tools at ("defaults": each
#                       tool at its own; rclone's 4 transfers take long at 100,000 objects, so it may get its own run)
#   THROTTLE_IN_FLIGHT="auto CONCURRENCY"        the copy.concurrency settings the throttle scenario runs this tool at
#   THROTTLE_RPS=500 THROTTLE_PREFIX=            the throttle scenario's request rate, and the key prefix (in any
#                       bucket) it applies to; empty: every request, listings included
#   DIST_WORKERS="1 2 3" DIST_CONCURRENCY=16 DIST_SLOTS=2 DIST_PARTITIONS=12 DIST_CHUNK=50   the distributed
#                       scenario's worker counts, copy.concurrency of each process, partitions each worker runs at
#                       once, partitions, copy.chunk-size
#   START_RUNS=5        the start scenario's runs of each command
#   SCALE_ROWS=10000000 SCALE_SLICE=10 SCALE_SIZE=16 SCALE_SAMPLE=2 SCALE_STATUS_EVERY=3   the scale scenario's rows,
#                       the folders of 997 its copy takes (10: about 1 %), the size of those objects, and how often
#                       (s) the plan's progress is sampled and status asked
#
# Prints a table (scenario, tool, objects found at the destination, rate, wall s, CPU s, the S3Proxy servers' CPU s
# during the run, peak RSS, this tool's peak
# heap after any GC and after a full GC, ratio to s3-bulk-copy, exit code, whether the destination holds every
# object and byte; through the relay also its requests, % answered 503, most in flight and CPU s) and writes it as
# CSV to target/bench/results.csv; tools' output goes to target/bench/*.log, this tool's GC log to
# target/bench/<scenario>-tool-gc.log. Every loop is bounded by its object count and every tool run
# by TOOL_TIMEOUT; nothing leaves 127.0.0.1; the servers this script starts are stopped when it ends, and its
# temporary folder deleted. docs/performance.md has the figures of a real run and what they mean.
set -euo pipefail
cd "$(dirname "$0")/.."

# bytes SIZE: a size such as 4096, 64MiB, 1GiB or 1GB (binary units, as in job files) in bytes
bytes() {
  python3 - "$1" <<'PY'
import re, sys
m = re.fullmatch(r"\s*(\d+)\s*([KMGT]?)(i?B)?\s*", sys.argv[1], re.I)
if not m:
    sys.exit(f"not a size: {sys.argv[1]}")
print(int(m.group(1)) * 1024 ** " KMGT".index((m.group(2) or " ").upper()))
PY
}

OBJECTS_GIVEN=${OBJECTS:-}   # the latency and throttle scenarios have sizes of their own unless OBJECTS is set
OBJECTS=${OBJECTS:-20000}
SIZE=$(bytes "${SIZE:-4096}")
PLAN_ROWS=${PLAN_ROWS:-1000000}
CONCURRENCY=${CONCURRENCY:-64}
LARGE_COUNT=${LARGE_COUNT:-3}
LARGE_SIZE=$(bytes "${LARGE_SIZE:-1GiB}")
LARGE_THRESHOLD=$(bytes "${LARGE_THRESHOLD:-64MiB}")
LARGE_PART=$(bytes "${LARGE_PART:-64MiB}")
MEMORY_OBJECTS=${MEMORY_OBJECTS:-100000}
MEMORY_COMPARE=${MEMORY_COMPARE:-10000}
MEMORY_SIZE=$(bytes "${MEMORY_SIZE:-1024}")
MEMORY_XMX=${MEMORY_XMX:-512m}
HEAP_SAMPLE=${HEAP_SAMPLE:-10}
TOOL_TIMEOUT=${TOOL_TIMEOUT:-1800}
PROFILE=${PROFILE:-0}
LAUNCHER=${LAUNCHER:-1}
HTTP_CLIENT=${HTTP_CLIENT:-}
TOOL_OPTS=${TOOL_OPTS:-}
SMALL_OTHERS=${SMALL_OTHERS:-1}
STREAM_OTHERS=${STREAM_OTHERS:-1}
ALSO_JAVA_HOME=${ALSO_JAVA_HOME:-}
LATENCY=${LATENCY:-20ms}
JITTER=${JITTER:-0ms}
IN_FLIGHT=${IN_FLIGHT:-64 256 defaults}
THROTTLE_RPS=${THROTTLE_RPS:-500}
THROTTLE_IN_FLIGHT=${THROTTLE_IN_FLIGHT:-auto $CONCURRENCY}
THROTTLE_PREFIX=${THROTTLE_PREFIX:-}
SCALE_ROWS=${SCALE_ROWS:-10000000}
SCALE_SLICE=${SCALE_SLICE:-10}
SCALE_SIZE=$(bytes "${SCALE_SIZE:-16}")
SCALE_SAMPLE=${SCALE_SAMPLE:-2}
SCALE_STATUS_EVERY=${SCALE_STATUS_EVERY:-3}
START_RUNS=${START_RUNS:-5}
if [ -n "$ALSO_JAVA_HOME" ] && [ ! -x "$ALSO_JAVA_HOME/bin/java" ]; then
  echo "ALSO_JAVA_HOME=$ALSO_JAVA_HOME: no bin/java there" >&2; exit 2
fi
TOOL_JAVA=   # the JDK of this tool's next runs (empty: the default one); see jdks
WHAT=${1:-all}
case "$WHAT" in
  small|plan|stream|large|memory|latency|throttle|scale|distributed|start|all) ;;
  *) echo "usage: bench/run.sh [small|plan|stream|large|memory|latency|throttle|scale|distributed|start|all]" >&2; exit 2 ;;
esac
OUT=target/bench
mkdir -p "$OUT"
RESULTS=$OUT/results.csv
echo "scenario,tool,objects,rate,unit,wall_s,cpu_s,rss_mib,exit,heap_mib,live_mib,check,server_cpu_s,relay_requests,relay_503_pct,relay_max_in_flight,relay_cpu_s" > "$RESULTS"

# --- tools ------------------------------------------------------------------------------------------------------
[ -f target/s3-bulk-copy.jar ] || ./mvnw -B -q package -DskipTests
# Built again whenever pom.xml changed since.
[ "$OUT/classpath.txt" -nt pom.xml ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP=$(cat "$OUT/classpath.txt")
# The latency relay runs from the test classes: compiled again when its source is newer.
RELAY_CLASS=target/test-classes/io/github/s3bulkcopy/testsupport/LatencyRelay.class
[ "$RELAY_CLASS" -nt src/test/java/io/github/s3bulkcopy/testsupport/LatencyRelay.java ] || ./mvnw -B -q test-compile
if ! command -v rclone >/dev/null || ! command -v aws >/dev/null; then
  echo "installing rclone and awscli from Debian's packages ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rclone awscli >/dev/null
fi

# --- the servers ----------------------------------------------------------------------------------------------------
# Two identities, that is two accounts, each with buckets of its own (S3Proxy: one --properties file per identity).
KEY=bench-access-key
SECRET=bench-secret-key
KEY_B=bench-dest-key
SECRET_B=bench-dest-secret
TMP=$(mktemp -d "${TMPDIR:-/tmp}/s3-bulk-copy-bench.XXXXXX")
SERVERS=()
RELAYS=()   # latency relays: stopped with the servers, their CPU not counted as the servers'
stop_servers() {
  local pid
  for pid in ${SERVERS[@]+"${SERVERS[@]}"} ${RELAYS[@]+"${RELAYS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${SERVERS[@]+"${SERVERS[@]}"} ${RELAYS[@]+"${RELAYS[@]}"}; do
    # A server out of heap may never finish shutting down: 10 s, then it is killed.
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$TMP"
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# start_s3proxy NAME [FILESYSTEM-BASEDIR]: starts S3Proxy with identities A and B on a free port of 127.0.0.1, in
# memory or on the filesystem (BASEDIR/<access key>/<bucket>/); sets ENDPOINT to its address.
start_s3proxy() {
  local name=$1 basedir=${2:-} port args=() identity key secret
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  ENDPOINT=http://127.0.0.1:$port
  for identity in "$KEY:$SECRET" "$KEY_B:$SECRET_B"; do
    key=${identity%%:*} secret=${identity#*:}
    {
      echo "s3proxy.endpoint=$ENDPOINT"
      echo "s3proxy.authorization=aws-v2-or-v4"
      echo "s3proxy.identity=$key"
      echo "s3proxy.credential=$secret"
      if [ -n "$basedir" ]; then
        mkdir -p "$basedir/$key"
        echo "jclouds.provider=filesystem"
        echo "jclouds.filesystem.basedir=$basedir/$key"
      else
        echo "jclouds.provider=transient"
      fi
      echo "jclouds.identity=$key"
      echo "jclouds.credential=$secret"
    } > "$TMP/$name-$key.properties"
    args+=(--properties "$TMP/$name-$key.properties")
  done
  java -Xmx${SERVER_HEAP:-4g} -jar target/servers/s3proxy.jar "${args[@]}" > "$OUT/$name.log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 1 150); do curl -s -o /dev/null "$ENDPOINT" && return 0; sleep 0.2; done
  echo "S3Proxy ($name) did not answer on $ENDPOINT within 30 s; see $OUT/$name.log" >&2
  exit 1
}
start_s3proxy s3proxy
EP=$ENDPOINT

# start_relay NAME RELAY-OPTION...: starts the latency relay (testsupport/LatencyRelay) in front of the in-memory
# S3Proxy on a free port of 127.0.0.1, its output in target/bench/NAME.log; sets RELAY to its endpoint. Serial GC
# and a small heap: it keeps nothing but a buffer per connection, and its CPU is the clients' to share.
start_relay() {
  local name=$1 port
  shift
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  RELAY=http://127.0.0.1:$port
  java -Xmx256m -XX:+UseSerialGC -cp "$CP:target/test-classes" io.github.s3bulkcopy.testsupport.LatencyRelay "$EP" \
    --port "$port" "$@" > "$OUT/$name.log" 2>&1 &
  RELAYS+=($!)
  for _ in $(seq 1 100); do curl -sf -o /dev/null "$RELAY/_relay/stats" && return 0; sleep 0.2; done
  echo "the latency relay ($name) did not answer on $RELAY within 20 s; see $OUT/$name.log" >&2
  exit 1
}
# stop_relay: stops the relay started last (it prints its counters since the last reset into its log)
stop_relay() {
  kill "${RELAYS[-1]}" 2>/dev/null || true
  wait "${RELAYS[-1]}" 2>/dev/null || true
  unset 'RELAYS[-1]'
}
# relay_reset: starts the relay's counters again, before a measured run
relay_reset() { curl -sf -o /dev/null "$RELAY/_relay/stats?reset"; }
# relay_stats OBJECTS [LIMIT]: sets RELAY_JSON to the relay's counters since relay_reset (record adds them to the
# run's row) and prints them; LIMIT (requests/s) is the Little's-law limit the run is held against
relay_stats() {
  local objects=$1 limit=${2:-}
  RELAY_JSON=$(curl -sf "$RELAY/_relay/stats")
  python3 - "$RELAY_JSON" "$objects" "$limit" <<'PY'
import json, sys
r, objects, limit = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
wall = r["seconds"]
rps = r["requests"] / wall if wall > 0 else 0
per = r["requests"] / objects if objects else 0
cpu_us = r["cpuSeconds"] * 1e6 / r["requests"] if r["requests"] else 0
line = (f'   relay: {r["requests"]} requests ({per:.2f} per object, {rps:.0f}/s over the run), {r["slowDowns"]} answered '
        f'503 SlowDown ({r["slowDownPercent"]:.2f} %), at most {r["maxInFlight"]} in flight on {r["connections"]} connections, '
        f'relay CPU {r["cpuSeconds"]:.1f} s '
        f'({cpu_us:.0f} us per request)')
if limit:
    line += f'; Little\'s-law limit {float(limit):.0f} requests/s: {rps / float(limit):.2f} x it'
print(line)
PY
}

# rclone remotes, configured by environment: a and b are identities A and B on the in-memory server; la and lb the
# same identities on the filesystem server of the large scenario (added when it starts).
# remote NAME ENDPOINT KEY SECRET: adds rclone remote NAME to the command RCLONE (run as env -u AWS_CA_BUNDLE rclone)
RCLONE=(env -u AWS_CA_BUNDLE)
remote() {
  local n=${1^^}
  unset 'RCLONE[-1]'
  RCLONE+=("RCLONE_CONFIG_${n}_TYPE=s3" "RCLONE_CONFIG_${n}_PROVIDER=Other" "RCLONE_CONFIG_${n}_ENDPOINT=$2"
    "RCLONE_CONFIG_${n}_ACCESS_KEY_ID=$3" "RCLONE_CONFIG_${n}_SECRET_ACCESS_KEY=$4" "RCLONE_CONFIG_${n}_REGION=us-east-1" rclone)
}
RCLONE+=(rclone)
remote a "$EP" $KEY $SECRET
remote b "$EP" $KEY_B $SECRET_B

# Profiles for the streamed scenarios: a shared credentials file per identity, so job files name only profiles.
cat > "$TMP/credentials" <<CREDS
[bench-source]
aws_access_key_id = $KEY
aws_secret_access_key = $SECRET

[bench-destination]
aws_access_key_id = $KEY_B
aws_secret_access_key = $SECRET_B
CREDS
printf '[profile bench-source]\nregion = us-east-1\n\n[profile bench-destination]\nregion = us-east-1\n' > "$TMP/config"

# seed ENDPOINT KEY SECRET BUCKET COUNT SIZE [MORE_BUCKETS...]: small objects (bench/Seed.java)
seed() { timeout 3600 java -cp "$CP" bench/Seed.java "$@"; }
# seeded REMOTE:BUCKET COUNT SIZE: true when the bucket holds COUNT objects of SIZE bytes (so seeding can be skipped)
seeded() { [ "$(contents "$1")" = "$2 $(($2 * $3))" ]; }
# contents REMOTE:BUCKET: "<objects> <bytes>" in the bucket ("0 0" if it does not exist)
contents() {
  timeout 600 "${RCLONE[@]}" size "$1" --json 2>/dev/null \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["count"], d["bytes"])' 2>/dev/null || echo "0 0"
}

# jdks: the JDKs this tool runs on in a scenario: "" (the default java) and ALSO_JAVA_HOME when set
jdks() { echo "default${ALSO_JAVA_HOME:+ $ALSO_JAVA_HOME}"; }
# release_of JDK: the feature release of JDK ("default": the java on the PATH; else a JDK's folder), from its release
# file; empty when it cannot be read
release_of() {
  local home=$1
  [ "$home" != default ] || home=$(dirname "$(readlink -f "$(command -v java)")")/..
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -1
}
# on_jdk JDK: makes JDK (a word of jdks) the one of this tool's next runs; sets JDK_TAG (a file name suffix) and
# JDK_LABEL (a row label suffix, with the JDK's feature release) to "" for the default JDK
on_jdk() {
  if [ "$1" = default ]; then TOOL_JAVA= JDK_TAG= JDK_LABEL=; return; fi
  TOOL_JAVA=$1 JDK_TAG=-also-jdk
  JDK_LABEL=" (JDK $(release_of "$1"))"
}
# tool_for LABEL WORK: sets TOOL (see tool) for this tool's run on the JDK on_jdk chose, with RUN_WORK its folder
# and RUN_JOB its job file: WORK and WORK/job.yml on the default JDK; on the other, WORK/also-jdk and a copy of the job
# file there whose reports go there too (its own job database, so its run is a first run as well)
tool_for() {
  RUN_WORK=$2 RUN_JOB=$2/job.yml
  if [ -n "$JDK_TAG" ]; then
    RUN_WORK=$2/also-jdk RUN_JOB=$2/also-jdk/job.yml
    mkdir -p "$RUN_WORK"
    sed "s#location: \"[^\"]*/reports\"#location: \"$RUN_WORK/reports\"#" "$2/job.yml" > "$RUN_JOB"
  fi
  tool "$1$JDK_TAG" "$RUN_WORK"
}
# tool LABEL WORK [JVM-OPTION...]: sets TOOL to the command that runs this tool: its own job database under WORK
# (with DB_OPTIONS appended to its URL, e.g. ";AUTO_SERVER=TRUE" for a run other processes read while it goes on),
# its GCs logged to target/bench/LABEL-tool-gc.log, JFR with PROFILE=1. With LAUNCHER=1 (the default) through
# bin/s3-bulk-copy, as users run it, its class archive recorded by warm_launcher; LAUNCHER=0: plain java -jar.
tool() {
  local label=$1 work=$2 options
  shift 2
  options=("$@" "-Xlog:gc:file=$OUT/$label-tool-gc.log")
  [ -n "$HTTP_CLIENT" ] && options+=("-Ds3bulkcopy.http-client=$HTTP_CLIENT")
  # shellcheck disable=SC2206
  [ -n "$TOOL_OPTS" ] && options+=($TOOL_OPTS)
  [ "$PROFILE" = 1 ] && options+=("-XX:StartFlightRecording=filename=$OUT/$label-tool.jfr,settings=profile")
  options+=(-Dspring.datasource.url="jdbc:h2:file:$work/db;WRITE_DELAY=0${DB_OPTIONS:-}")
  if [ "$LAUNCHER" = 1 ]; then
    TOOL=(env ${TOOL_JAVA:+"JAVA_HOME=$TOOL_JAVA"} "S3_BULK_COPY_CACHE=$OUT/launcher-cache"
      "S3_BULK_COPY_JAVA_OPTS=${options[*]}" bin/s3-bulk-copy)
  else
    TOOL=("${TOOL_JAVA:+$TOOL_JAVA/bin/}java" "${options[@]}" -jar target/s3-bulk-copy.jar)
  fi
  rm -f "$OUT/$label-tool-gc.log"
}
# warm_launcher: a job's first run through the launcher records its class archive, and status's first run its own;
# done once here, unmeasured, on 200 objects of the benchmark's server, so that every measured run maps the archive as
# a user's later runs do.
warm_launcher() {
  [ "$LAUNCHER" = 1 ] || return 0
  local work=$TMP/warm-up
  mkdir -p "$work"
  seed "$EP" $KEY $SECRET warm-src 200 "$SIZE" warm-dst >/dev/null
  cat > "$work/job.yml" <<JOB
# The launcher's warm-up: its first run of a job records the class archive later runs map.
name: bench-warm-up
source: { bucket: warm-src, endpoint: "$EP" }
destination: { bucket: warm-dst, endpoint: "$EP" }
manifest: { type: listing }
report: { location: "$work/reports" }
JOB
  rm -rf "$OUT/launcher-cache"
  local jdk
  for jdk in $(jdks); do
    on_jdk "$jdk"
    rm -rf "$work/db"* "$work/reports"
    tool warm-up "$work"
    "${RCLONE[@]}" -q delete a:warm-dst 2>/dev/null || true
    AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET timeout 600 "${TOOL[@]}" copy --job "$work/job.yml" \
      > "$OUT/tool-warm-up$JDK_TAG.log" 2>&1 \
      || { echo "the launcher's warm-up run failed: see $OUT/tool-warm-up$JDK_TAG.log" >&2; exit 1; }
    # status records an archive of its own at its first run, which then costs twice as much: not in a measured one.
    timeout 600 "${TOOL[@]}" status --job "$work/job.yml" >> "$OUT/tool-warm-up$JDK_TAG.log" 2>&1 \
      || { echo "the launcher's warm-up status failed: see $OUT/tool-warm-up$JDK_TAG.log" >&2; exit 1; }
  done
  on_jdk default
  echo "   launcher: class archive recorded by a warm-up run on each JDK ($(du -sh "$OUT/launcher-cache" | cut -f1) in $OUT/launcher-cache)"
}
# warm_server SRC DST [RCLONE-OPTION...]: an unmeasured rclone copy of SRC into the scratch bucket DST, which is then
# removed. S3Proxy is a JVM too: whichever tool runs first on a fresh server pays for the server's JIT compiling its
# request paths. This tool always ran first, and it showed: 9.2 server CPU s for its 20,000 small copies as the first
# run, 4.4 s when run again after the others (rclone 8.4 then 6.8), 197 against 292 MiB/s for the large multipart
# copy. So every scenario warms the server up with the same kind of requests before any run is measured.
warm_server() {
  local src=$1 dst=$2
  shift 2
  echo "   warming the server up, unmeasured: rclone copy $src $dst $*"
  timeout 900 "${RCLONE[@]}" -q copy "$src" "$dst" --transfers 64 --checkers 64 "$@" \
    || echo "   the warm-up copy failed (measuring anyway)" >&2
  timeout 900 "${RCLONE[@]}" -q purge "$dst" || true
}
# server_cpu: the CPU seconds the S3Proxy servers of this benchmark have used so far
server_cpu() {
  python3 - ${SERVERS[@]+"${SERVERS[@]}"} <<'PY'
import os, sys
total = 0
for pid in sys.argv[1:]:
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    except OSError:
        pass
print(total / os.sysconf("SC_CLK_TCK"))
PY
}
# copy_phase LABEL WORK OBJECTS [MEASURE-JSON]: this tool's own plan, copy and report step times from its job database,
# and the copy step's rate: the figure to hold against the bare SDK loop's copy-loop rate (start-up and listing left
# out of both). Where the run was measured with a CPU timeline ($OUT/LABEL-cpu.txt, measure's TIMELINE), also the CPU
# seconds of each step, read off the timeline at the step's start and end, and of what lies outside the steps (start-up
# and exit: the whole run's CPU from MEASURE-JSON less the steps')
copy_phase() {
  local h2
  h2=$(tr ':' '\n' <<< "$CP" | grep -m1 '/h2-') || return 0
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$2/db" -user sa -sql \
    "select STEP_NAME, START_TIME, END_TIME from BATCH_STEP_EXECUTION where STEP_NAME in ('plan', 'copy', 'report') order by STEP_EXECUTION_ID" \
    2>"$OUT/copy-phase.err" | python3 -c '
import bisect, datetime, json, os, sys
label, objects, timeline, measured = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def at(text):
    # the job database keeps the JVM'"'"'s local time, as this script reads it
    return datetime.datetime.fromisoformat(text.strip()).timestamp()
steps = {}
for line in sys.stdin:
    cells = [c.strip() for c in line.split("|")]
    if len(cells) == 3 and cells[0] in ("plan", "copy", "report") and cells[2] not in ("", "null"):
        steps[cells[0]] = (at(cells[1]), at(cells[2]))
def took(step):
    return steps[step][1] - steps[step][0] if step in steps else 0
plan, copy, report = took("plan"), took("copy"), took("report")
if copy <= 0:
    sys.exit(0)
print(f"   s3-bulk-copy {label}: plan step {plan:.1f} s, copy step {copy:.1f} s = {objects / copy:.0f} objects/s in the copy step, "
      f"report step {report:.2f} s")
if not os.path.exists(timeline) or not measured:
    sys.exit(0)
samples = [tuple(map(float, line.split())) for line in open(timeline) if line.strip()]
times = [t for t, _ in samples]
def cpu(when):
    # linear between the samples around WHEN (50 ms apart)
    i = bisect.bisect_left(times, when)
    if i == 0:
        return samples[0][1]
    if i == len(samples):
        return samples[-1][1]
    (t0, c0), (t1, c1) = samples[i - 1], samples[i]
    return c0 + (c1 - c0) * (when - t0) / (t1 - t0)
used = {step: cpu(end) - cpu(start) for step, (start, end) in steps.items()}
total = json.loads(measured)["cpu"]
p, c, r = used.get("plan", 0), used.get("copy", 0), used.get("report", 0)
json.dump({"plan": p, "copy": c, "report": r, "total": total}, open(timeline[:-len("-cpu.txt")] + "-steps.json", "w"))
print(f"   s3-bulk-copy {label} CPU: plan step {p:.2f} s, copy step {c:.2f} s ({c * 1e6 / objects:.0f} µs per object), "
      f"report step {r:.2f} s, outside the steps (start-up, exit) {total - p - c - r:.2f} s, of {total:.2f} s in all")
' "$1" "$3" "$OUT/$1-cpu.txt" "${4:-}" || true
}
# newest_summary REPORTS: the summary.json of this tool's newest report set under REPORTS; nothing if there is none
newest_summary() {
  ls -t "$1"/*/*/summary.json 2>/dev/null | head -1 || true
}
# keep_summary LABEL REPORTS: keeps the summary.json of this tool's newest report set under REPORTS as
# target/bench/LABEL-summary.json and says how long the run itself took (JVM and Spring start-up left out)
keep_summary() {
  local summary
  summary=$(newest_summary "$2")
  [ -n "$summary" ] || { echo "   no report set under $2" >&2; return 0; }
  cp "$summary" "$OUT/$1-summary.json"
  python3 - "$summary" "$OUT/$1-summary.json" <<'PY' || true
import json, sys
d = json.load(open(sys.argv[1]))
print(f'   s3-bulk-copy run {d["runId"]} itself: {d["durationSeconds"]} s, {d["status"]} (summary: {sys.argv[2]})')
c = d.get("concurrency")
if c:
    print(f'   s3-bulk-copy concurrency {c["setting"]} ({c["minimum"]} to {c["maximum"]}): settled at {c["settled"]}, '
          f'started at {c["start"]}, {c["lowest"]} at the lowest, {c["highest"]} at the highest; '
          f'{c["throttledAnswers"]} throttled answers, {c["unansweredAttempts"]} attempts without an answer')
PY
}
# measure LOG COMMAND...: runs COMMAND bounded by TOOL_TIMEOUT, prints its cost as JSON
# (with the S3Proxy servers' CPU seconds during the run added as server_cpu: on two shared cores, the server's share)
measure() {
  local before json
  before=$(server_cpu)
  json=$(python3 bench/measure.py --timeout "$TOOL_TIMEOUT" ${TIMELINE:+--cpu-timeline "$TIMELINE"} "$@")
  python3 -c 'import json, sys; m = json.loads(sys.argv[1]); m["server_cpu"] = round(float(sys.argv[3]) - float(sys.argv[2]), 1); print(json.dumps(m))' \
    "$json" "$before" "$(server_cpu)"
}

# record SCENARIO TOOL AMOUNT UNIT MEASURE-JSON [REMOTE:BUCKET EXPECTED-OBJECTS EXPECTED-BYTES] [GC-LOG]
#   the rate is AMOUNT / wall seconds; the destination is counted, and the row says whether it holds everything
record() {
  local scenario=$1 tool=$2 amount=$3 unit=$4 measured=$5 found="" expected="" gclog=""
  if [ $# -ge 8 ]; then found=$(contents "$6"); expected="$7 $8"; gclog=${9:-}; else gclog=${6:-}; fi
  # The in-memory server keeps every object in its heap: a destination there is emptied once counted, or the
  # scenarios after it run the server out of heap (seen: small, stream and memory in one run filled 4 GiB, and the
  # memory scenario's rclone run then hung on a server that no longer answered).
  if [ $# -ge 8 ]; then
    case "$6" in a:*|b:*) timeout 900 "${RCLONE[@]}" -q delete "$6" || true ;; esac
  fi
  python3 - "$scenario" "$tool" "$amount" "$unit" "$measured" "$found" "$expected" "$gclog" "${RELAY_JSON:-}" \
    >> "$RESULTS" <<'PY'
import json, os, re, sys
scenario, tool, amount, unit, measured, found, expected, gclog, relay = sys.argv[1:10]
m = json.loads(measured)
rate = float(amount) / m["wall"] if m["wall"] > 0 else 0
heap = live = ""
if gclog and os.path.exists(gclog):
    scale = {"K": 1 / 1024, "M": 1, "G": 1024}
    pauses = re.findall(r"Pause (\w+).*?\d+[KMG]->(\d+)([KMG])\(\d+[KMG]\)", open(gclog).read())
    after = [int(a) * scale[u] for kind, a, u in pauses]
    full = [int(a) * scale[u] for kind, a, u in pauses if kind == "Full"]
    heap = f"{max(after):.0f}" if after else "no GC"
    live = f"{max(full):.0f}" if full else ""
if not expected:
    objects, check = amount, "-"
else:
    objects, size = found.split()
    want_objects, want_size = expected.split()
    check = "ok" if (objects, size) == (want_objects, want_size) else f"MISSING {objects}/{want_objects} objects {size}/{want_size} bytes"
relayed = ""
if relay:
    r = json.loads(relay)
    relayed = f',{r["requests"]},{r["slowDownPercent"]},{r["maxInFlight"]},{r["cpuSeconds"]:.1f}'
print(f'{scenario},{tool},{objects},{rate:.1f},{unit},{m["wall"]},{m["cpu"]},{m["rss_mib"]},{m["exit"]},{heap},{live},{check},{m.get("server_cpu", "")}{relayed}')
PY
  RELAY_JSON=
  tail -1 "$RESULTS" | awk -F, '$12 != "ok" && $12 != "-" || $9 != 0 { print "  !! " $0 }' >&2
}

# copy_loop_compiled: bench/CopyLoop.java compiled once into $TMP/copy-loop, so that no run pays for compiling its
# source as a single-file program would
copy_loop_compiled() {
  [ -f "$TMP/copy-loop/CopyLoop.class" ] || javac -d "$TMP/copy-loop" -cp "$CP" bench/CopyLoop.java
}
# ceiling NAME LABEL "JVM-OPTIONS" [crt]: the bare SDK copy loop (bench/CopyLoop.java) from src into dst-NAME, its
# output in NAME-small.log, recorded as LABEL in the small scenario
ceiling() {
  local name=$1 label=$2 jvm=$3 m
  shift 3
  copy_loop_compiled
  # $jvm unquoted on purpose: a list of options, or none
  # shellcheck disable=SC2086
  m=$(measure "$OUT/$name-small.log" java $jvm -cp "$CP:$TMP/copy-loop" CopyLoop "$EP" $KEY $SECRET src "dst-$name" \
      "$CONCURRENCY" "$@")
  record small "$label" "$OBJECTS" objects/s "$m" "a:dst-$name" "$OBJECTS" $((OBJECTS * SIZE))
  grep -h "copy loop" "$OUT/$name-small.log" || true
}
# --- 1. small objects, server-side ---------------------------------------------------------------------------------
small() {
  echo "== small objects, server-side: $OBJECTS x $SIZE bytes, concurrency $CONCURRENCY"
  local work=$TMP/small bytes=$((OBJECTS * SIZE)) m tool_small=""
  mkdir -p "$work"
  seeded a:src "$OBJECTS" "$SIZE" || seed "$EP" $KEY $SECRET src "$OBJECTS" "$SIZE"
  seed "$EP" $KEY $SECRET dst-tool 0 0 dst-rclone dst-aws dst-ceiling dst-ceiling-c1 dst-ceiling-crt
  warm_server a:src a:warm-small
  cat > "$work/job.yml" <<JOB
# The benchmark's job: everything in bucket src to dst-tool, verified, with a report.
name: bench-small
source: { bucket: src, endpoint: "$EP" }
destination: { bucket: dst-tool, endpoint: "$EP" }
manifest: { type: listing }
copy: { concurrency: $CONCURRENCY }
report: { location: "$work/reports" }
JOB
  local jdk
  for jdk in $(jdks); do
    on_jdk "$jdk"
    tool_for small "$work"
    rm -f "$OUT/small$JDK_TAG-cpu.txt" "$OUT/small$JDK_TAG-steps.json"
    m=$(TIMELINE="$OUT/small$JDK_TAG-cpu.txt" AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET \
        measure "$OUT/tool-small$JDK_TAG.log" "${TOOL[@]}" copy --job "$RUN_JOB")
    [ -n "$JDK_TAG" ] || tool_small=$m
    keep_summary "small$JDK_TAG" "$RUN_WORK/reports"
    copy_phase "small$JDK_TAG" "$RUN_WORK" "$OBJECTS" "$m"
    record small "s3-bulk-copy$JDK_LABEL" "$OBJECTS" objects/s "$m" a:dst-tool "$OBJECTS" $bytes "$OUT/small$JDK_TAG-tool-gc.log"
  done
  on_jdk default

  m=$(measure "$OUT/rclone-small.log" "${RCLONE[@]}" copy a:src a:dst-rclone --transfers 64 --checkers 64)
  record small rclone "$OBJECTS" objects/s "$m" a:dst-rclone "$OBJECTS" $bytes
  local rclone_small=$m

  case $SMALL_OTHERS in 1|sdk) ;; *) return 0 ;; esac
  if [ "$SMALL_OTHERS" = 1 ]; then
    m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET AWS_DEFAULT_REGION=us-east-1 \
        measure "$OUT/aws-small.log" aws --endpoint-url "$EP" s3 sync s3://src s3://dst-aws --only-show-errors)
    record small "aws s3 sync" "$OBJECTS" objects/s "$m" a:dst-aws "$OBJECTS" $bytes

    ceiling ceiling "bare SDK copy loop" ""
    # The same loop on the JVM settings the launcher gives this tool (C1 only, serial GC): on two shared cores the
    # loop runs faster so, and that is the rate to hold this tool's copy step against.
    ceiling ceiling-c1 "bare SDK loop (C1 serial GC)" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  fi
  # Also with the HTTP client this tool takes for server-side copies, the CRT-based one (with SMALL_OTHERS=sdk, the
  # only loop): the loop the CPU budget holds this tool's copy step against.
  ceiling ceiling-crt "bare SDK loop (C1 serial GC CRT)" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" crt
  cpu_budget "$tool_small" "$rclone_small" "$OUT/ceiling-crt-small.log" "$OUT/small-steps.json"
}
# cpu_budget TOOL-JSON RCLONE-JSON LOOP-LOG STEPS-JSON: the CPU budget of the small scenario, from this one run. Client
# and server share the two cores, so a run takes at least its CPU and the server's over 2. This tool's run with its copy
# step's CPU replaced by the cheaper of it and the bare SDK loop's copy loop gives the least CPU a run of this tool
# can take as it starts, plans and reports; with the server's CPU of this tool's run, the shortest such a run can be,
# and so the most it can be against rclone's run.
cpu_budget() {
  [ -f "$4" ] || return 0
  python3 - "$@" <<'PY' || true
import json, re, sys
tool, rclone, loop_log, steps = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3], json.load(open(sys.argv[4]))
found = re.search(r"in the loop ([\d.]+) s", open(loop_log).read())
if not found:
    sys.exit(0)
loop = float(found.group(1))
copies, which = min((loop, "the bare SDK loop's copy loop"), (steps["copy"], "this tool's copy step"))
rest = tool["cpu"] - steps["copy"]
need = rest + copies + tool["server_cpu"]
print(f"   CPU budget (2 cores): this tool's run less its copy step {rest:.1f} CPU s + the copies at their cheapest "
      f"({which}: {copies:.1f}; the other {max(loop, steps['copy']):.1f}) + the server's in this tool's run "
      f"{tool['server_cpu']:.1f} = {need:.1f} CPU s; so no run of this tool as it starts, plans and reports takes "
      f"less than {need / 2:.1f} s: at most {rclone['wall'] / (need / 2):.2f} x rclone's {rclone['wall']:.1f} s "
      f"(this run: {rclone['wall'] / tool['wall']:.2f} x)")
PY
}

# --- 2. small objects streamed between two accounts ---------------------------------------------------------------
stream() {
  echo "== small objects streamed between two accounts: $OBJECTS x $SIZE bytes, concurrency $CONCURRENCY"
  local work=$TMP/stream bytes=$((OBJECTS * SIZE)) m
  mkdir -p "$work"
  seeded a:src "$OBJECTS" "$SIZE" || seed "$EP" $KEY $SECRET src "$OBJECTS" "$SIZE"
  seed "$EP" $KEY_B $SECRET_B dst-stream-tool 0 0 dst-stream-rclone dst-stream-loop
  warm_server a:src b:warm-stream
  cat > "$work/job.yml" <<JOB
# The benchmark's streamed job: bucket src of account A to dst-stream-tool of account B, a profile per side (the
# profiles' keys are in the shared credentials file the benchmark writes); no principal can read both.
name: bench-stream
source: { bucket: src, endpoint: "$EP", credentials: { profile: bench-source } }
destination: { bucket: dst-stream-tool, endpoint: "$EP", credentials: { profile: bench-destination } }
manifest: { type: listing }
copy: { mode: stream, concurrency: $CONCURRENCY }
report: { location: "$work/reports" }
JOB
  local jdk
  for jdk in $(jdks); do
    on_jdk "$jdk"
    tool_for stream "$work"
    m=$(unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
        AWS_SHARED_CREDENTIALS_FILE="$TMP/credentials" AWS_CONFIG_FILE="$TMP/config" \
        measure "$OUT/tool-stream$JDK_TAG.log" "${TOOL[@]}" copy --job "$RUN_JOB")
    keep_summary "stream$JDK_TAG" "$RUN_WORK/reports"
    copy_phase "stream$JDK_TAG" "$RUN_WORK" "$OBJECTS"
    record stream "s3-bulk-copy stream$JDK_LABEL" "$OBJECTS" objects/s "$m" b:dst-stream-tool "$OBJECTS" $bytes \
      "$OUT/stream$JDK_TAG-tool-gc.log"
  done
  on_jdk default

  m=$(measure "$OUT/rclone-stream.log" "${RCLONE[@]}" copy a:src b:dst-stream-rclone --transfers 64 --checkers 64)
  record stream "rclone (two remotes)" "$OBJECTS" objects/s "$m" b:dst-stream-rclone "$OBJECTS" $bytes

  [ "$STREAM_OTHERS" = 1 ] || return 0
  # The floor of a streamed copy on the SDK: this tool's requests per object and nothing else.
  copy_loop_compiled
  m=$(measure "$OUT/stream-loop-stream.log" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP:$TMP/copy-loop" \
      CopyLoop "$EP" $KEY $SECRET src dst-stream-loop "$CONCURRENCY" crt stream $KEY_B $SECRET_B)
  record stream "bare SDK stream loop (C1 serial GC CRT)" "$OBJECTS" objects/s "$m" b:dst-stream-loop "$OBJECTS" $bytes
  grep -h "copy loop" "$OUT/stream-loop-stream.log" || true
}

# --- 3. large objects: multipart copy server-side, and streamed between two accounts -------------------------------
large() {
  local total=$((LARGE_COUNT * LARGE_SIZE)) mib work=$TMP/large need free m
  mib=$(python3 -c "print(round($total / 1048576, 1))")
  echo "== large objects: $LARGE_COUNT x $LARGE_SIZE bytes on S3Proxy's filesystem store, multipart above" \
    "$LARGE_THRESHOLD bytes in parts of $LARGE_PART bytes"
  # The source, one copy at a time (each is deleted once counted) and a multipart upload's parts beside it, plus 1 GiB.
  need=$((total * 3 + 1073741824))
  free=$(($(df -Pk "$TMP" | awk 'NR == 2 { print $4 }') * 1024))
  echo "   disk: $((need >> 20)) MiB needed under $TMP, $((free >> 20)) MiB free"
  if [ "$free" -lt "$need" ]; then
    echo "   not enough free disk for the large scenario: skipped (set TMPDIR to a bigger disk, or lower LARGE_SIZE)" >&2
    return 0
  fi
  mkdir -p "$work"
  start_s3proxy s3proxy-large "$work/store"
  local lep=$ENDPOINT
  remote la "$lep" $KEY $SECRET
  remote lb "$lep" $KEY_B $SECRET_B
  timeout 3600 java -Xmx$((LARGE_PART * 12 / 1048576 + 512))m -cp "$CP" bench/SeedLarge.java "$lep" $KEY $SECRET \
    large-src "$LARGE_COUNT" "$LARGE_SIZE" "$LARGE_PART" large-dst-tool large-dst-rclone
  seed "$lep" $KEY_B $SECRET_B large-dst-stream-tool 0 0 large-dst-stream-rclone
  if ! seeded la:large-src "$LARGE_COUNT" "$LARGE_SIZE"; then
    echo "   the large source is not complete: $(contents la:large-src) objects and bytes" >&2
    return 1
  fi
  # Both kinds of copy the scenario measures; then the disk's write-back of it all before the first measured run.
  warm_server la:large-src la:warm-large --s3-copy-cutoff "${LARGE_PART}B"
  warm_server la:large-src lb:warm-large-stream --s3-upload-cutoff "${LARGE_THRESHOLD}B" --s3-chunk-size "${LARGE_PART}B"
  sync

  # Server-side: UploadPartCopy above the threshold, one identity.
  cat > "$work/job.yml" <<JOB
# The benchmark's large-object job: multipart copy (UploadPartCopy) within one account.
name: bench-large
source: { bucket: large-src, endpoint: "$lep" }
destination: { bucket: large-dst-tool, endpoint: "$lep" }
manifest: { type: listing }
copy: { mode: server-side, concurrency: $CONCURRENCY, multipart-threshold: $LARGE_THRESHOLD, part-size: $LARGE_PART }
report: { location: "$work/reports" }
JOB
  local jdk
  for jdk in $(jdks); do
    on_jdk "$jdk"
    tool_for large "$work"
    cold_source "$work/store"
    m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure "$OUT/tool-large$JDK_TAG.log" "${TOOL[@]}" copy --job "$RUN_JOB")
    keep_summary "large$JDK_TAG" "$RUN_WORK/reports"
    record large "s3-bulk-copy multipart copy$JDK_LABEL" "$mib" MiB/s "$m" la:large-dst-tool "$LARGE_COUNT" $total \
      "$OUT/large$JDK_TAG-tool-gc.log"
    parts "$lep" la large-dst-tool
    "${RCLONE[@]}" -q delete la:large-dst-tool
  done
  on_jdk default

  cold_source "$work/store"
  m=$(measure "$OUT/rclone-large.log" "${RCLONE[@]}" copy la:large-src la:large-dst-rclone --transfers 64 --checkers 64 \
      --s3-copy-cutoff "${LARGE_PART}B")
  record large "rclone (--s3-copy-cutoff)" "$mib" MiB/s "$m" la:large-dst-rclone "$LARGE_COUNT" $total
  parts "$lep" la large-dst-rclone
  "${RCLONE[@]}" -q delete la:large-dst-rclone

  # Streamed: GET with identity A, multipart upload with identity B.
  cat > "$work/stream.yml" <<JOB
# The benchmark's large-object streamed job: ranged GETs as account A into a multipart upload as account B.
name: bench-large-stream
source: { bucket: large-src, endpoint: "$lep", credentials: { profile: bench-source } }
destination: { bucket: large-dst-stream-tool, endpoint: "$lep", credentials: { profile: bench-destination } }
manifest: { type: listing }
copy: { mode: stream, concurrency: $CONCURRENCY, multipart-threshold: $LARGE_THRESHOLD, part-size: $LARGE_PART }
report: { location: "$work/reports" }
JOB
  tool large-stream "$work/stream"
  cold_source "$work/store"
  m=$(unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
      AWS_SHARED_CREDENTIALS_FILE="$TMP/credentials" AWS_CONFIG_FILE="$TMP/config" \
      measure "$OUT/tool-large-stream.log" "${TOOL[@]}" copy --job "$work/stream.yml")
  keep_summary large-stream "$work/reports"
  record large-stream "s3-bulk-copy stream" "$mib" MiB/s "$m" lb:large-dst-stream-tool "$LARGE_COUNT" $total \
    "$OUT/large-stream-tool-gc.log"
  parts "$lep" lb large-dst-stream-tool
  "${RCLONE[@]}" -q delete lb:large-dst-stream-tool

  cold_source "$work/store"
  m=$(measure "$OUT/rclone-large-stream.log" "${RCLONE[@]}" copy la:large-src lb:large-dst-stream-rclone \
      --transfers 64 --checkers 64 --s3-upload-cutoff "${LARGE_THRESHOLD}B" --s3-chunk-size "${LARGE_PART}B")
  record large-stream "rclone (two remotes)" "$mib" MiB/s "$m" lb:large-dst-stream-rclone "$LARGE_COUNT" $total
  parts "$lep" lb large-dst-stream-rclone
  "${RCLONE[@]}" -q delete lb:large-dst-stream-rclone

  kill "${SERVERS[-1]}" && wait "${SERVERS[-1]}" 2>/dev/null || true
  unset 'SERVERS[-1]'
  rm -rf "$work"
}
# cold_source STORE: before each measured large run, the same start for every tool: the disk's write-back of what
# the run before left (sync), and the source's pages dropped from the page cache, so every run reads the source from
# the disk (without it, whichever runs after another finds what that one left of the source cached)
cold_source() {
  sync
  python3 - "$1"/$KEY/large-src <<'PY'
import os, sys
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        fd = os.open(os.path.join(folder, name), os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)
PY
}
# parts ENDPOINT la|lb BUCKET: how many parts each copy was written in, from its ETag (an MD5 with -N: N parts)
parts() {
  local key secret
  if [ "$2" = la ]; then key=$KEY secret=$SECRET; else key=$KEY_B secret=$SECRET_B; fi
  AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_DEFAULT_REGION=us-east-1 timeout 300 \
    aws --endpoint-url "$1" s3api list-objects-v2 --bucket "$3" --query 'Contents[].ETag' --output text \
    | tr '\t' '\n' | sed -E 's/.*-([0-9]+)"?$/\1 parts/; t; s/.*/1 part/' | sort | uniq -c \
    | awk -v b="$3" '{ s = s (s ? ", " : "") $1 " x " $2 " " $3 } END { print "   " b ": objects written in " s }'
}

# --- 4. memory: the heap does not grow with the manifest --------------------------------------------------------------
memory() {
  echo "== memory: $MEMORY_OBJECTS x $MEMORY_SIZE bytes with -Xmx$MEMORY_XMX, against $MEMORY_COMPARE objects"
  local work=$TMP/memory m n bucket label
  mkdir -p "$work"
  seeded a:mem-src "$MEMORY_OBJECTS" "$MEMORY_SIZE" || seed "$EP" $KEY $SECRET mem-src "$MEMORY_OBJECTS" "$MEMORY_SIZE"
  seeded a:mem-cmp-src "$MEMORY_COMPARE" "$MEMORY_SIZE" || seed "$EP" $KEY $SECRET mem-cmp-src "$MEMORY_COMPARE" "$MEMORY_SIZE"
  seed "$EP" $KEY $SECRET mem-dst-tool 0 0 mem-cmp-dst-tool mem-dst-rclone
  # A tenth of the objects warms it up enough (the server's JIT has compiled its paths after a few thousand requests).
  warm_server a:mem-src a:warm-memory --include "bench/0*/**"
  for n in "$MEMORY_OBJECTS" "$MEMORY_COMPARE"; do
    if [ "$n" = "$MEMORY_OBJECTS" ]; then bucket=mem label=memory; else bucket=mem-cmp label=memory-cmp; fi
    cat > "$work/$label.yml" <<JOB
# The benchmark's memory job: $n objects, the whole manifest planned and copied with a small heap.
name: bench-$label
source: { bucket: $bucket-src, endpoint: "$EP" }
destination: { bucket: $bucket-dst-tool, endpoint: "$EP" }
manifest: { type: listing }
copy: { concurrency: $CONCURRENCY }
report: { location: "$work/reports" }
JOB
    tool "$label" "$work/$label" "-Xmx$MEMORY_XMX" -XX:+StartAttachListener
    m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure --gc-every "$HEAP_SAMPLE" "$OUT/tool-$label.log" \
        "${TOOL[@]}" copy --job "$work/$label.yml")
    keep_summary "$label" "$work/reports"
    copy_phase "$label" "$work/$label" "$n"
    record "$label" "s3-bulk-copy (-Xmx$MEMORY_XMX)" "$n" objects/s "$m" "a:$bucket-dst-tool" "$n" $((n * MEMORY_SIZE)) \
      "$OUT/$label-tool-gc.log"
  done
  m=$(measure "$OUT/rclone-memory.log" "${RCLONE[@]}" copy a:mem-src a:mem-dst-rclone --transfers 64 --checkers 64)
  record memory rclone "$MEMORY_OBJECTS" objects/s "$m" a:mem-dst-rclone "$MEMORY_OBJECTS" $((MEMORY_OBJECTS * MEMORY_SIZE))
  python3 - "$RESULTS" <<'PY'
import csv, sys
rows = {r["scenario"]: r for r in csv.DictReader(open(sys.argv[1])) if r["tool"].startswith("s3-bulk-copy")}
big, small = rows.get("memory"), rows.get("memory-cmp")
if big and small:
    print(f'   live heap (peak after a full GC): {big["live_mib"] or "-"} MiB at {big["objects"]} objects, '
          f'{small["live_mib"] or "-"} MiB at {small["objects"]} objects; peak after any GC: {big["heap_mib"]} MiB '
          f'and {small["heap_mib"]} MiB')
PY
}

# --- 5. planning -----------------------------------------------------------------------------------------------------
plan() {
  echo "== planning an S3 Inventory manifest of $PLAN_ROWS rows with -Xmx256m"
  local work=$TMP/plan manifest m
  mkdir -p "$work"
  timeout 3600 java -cp "$CP:target/classes" bench/Inventory.java "$work/inventory" src "$PLAN_ROWS"
  manifest=$(find "$work/inventory" -name manifest.json | head -1)
  cat > "$work/job.yml" <<JOB
# The benchmark's planning job: a dry run plans the whole manifest into the ledger and copies nothing.
name: bench-plan
source: { bucket: src, endpoint: "$EP" }
destination: { bucket: dst-tool, endpoint: "$EP" }
manifest: { type: inventory, location: "$manifest" }
report: { location: "$work/reports" }
JOB
  tool plan "$work" -Xmx256m
  m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure "$OUT/tool-plan.log" "${TOOL[@]}" copy --job "$work/job.yml" --dry-run)
  record plan "s3-bulk-copy plan (-Xmx256m)" "$PLAN_ROWS" rows/s "$m" "$OUT/plan-tool-gc.log"
  # The plan step alone, as the job database recorded it (start-up and the dry run's count and cleanup left out).
  java -cp "$(tr ':' '\n' <<< "$CP" | grep -m1 '/h2-')" org.h2.tools.Shell -url "jdbc:h2:file:$work/db" -user sa -sql \
    "select WRITE_COUNT, DATEDIFF('MILLISECOND', START_TIME, END_TIME) from BATCH_STEP_EXECUTION where STEP_NAME = 'plan'" \
    2>/dev/null | awk -F'|' 'NR == 2 && $2 > 0 { printf "   s3-bulk-copy plan step: %d rows in %.1f s = %.0f rows/s\n", $1, $2 / 1000, $1 * 1000 / $2 }' || true
  rm -rf "$work"
}

# --- 6. latency: small objects through a relay that answers as far away as S3 does --------------------------------
# seconds DURATION: a duration such as 20ms, 0.5s or 80 (milliseconds) in seconds
seconds() {
  python3 - "$1" <<'PY'
import re, sys
m = re.fullmatch(r"\s*([\d.]+)\s*(ms|s)?\s*", sys.argv[1])
if not m:
    sys.exit(f"not a duration: {sys.argv[1]}")
print(float(m.group(1)) / (1 if m.group(2) == "s" else 1000))
PY
}
latency() {
  local n=${OBJECTS_GIVEN:-100000} work=$TMP/latency m inflight lat label limit rclone_options
  local bytes=$((n * SIZE))
  lat=$(seconds "$LATENCY")
  echo "== latency: $n x $SIZE bytes copied server-side through a relay holding every request $LATENCY (jitter" \
    "$JITTER); in flight: $IN_FLIGHT"
  mkdir -p "$work"
  seeded a:lat-src "$n" "$SIZE" || seed "$EP" $KEY $SECRET lat-src "$n" "$SIZE"
  seed "$EP" $KEY $SECRET lat-dst-tool 0 0 lat-dst-rclone
  start_relay relay-latency --latency "$LATENCY" --jitter "$JITTER"
  remote r "$RELAY" $KEY $SECRET
  # Through the relay: the server's and the relay's JIT both warm up on a tenth of the objects.
  warm_server r:lat-src r:warm-latency --include "bench/0*/**"
  for inflight in $IN_FLIGHT; do
    mkdir -p "$work/$inflight"
    if [ "$inflight" = defaults ]; then
      label=defaults limit= rclone_options=()
      echo "-- each tool at its defaults"
    else
      label=$inflight rclone_options=(--transfers "$inflight" --checkers "$inflight")
      limit=$(python3 -c "print($inflight / $lat)")
      echo "-- $inflight in flight: the Little's-law limit is $inflight / $LATENCY = $(printf %.0f "$limit") requests/s"
    fi
    cat > "$work/$inflight/job.yml" <<JOB
# The benchmark's latency job: everything in bucket lat-src to lat-dst-tool, both through the latency relay.
name: bench-latency-$label
source: { bucket: lat-src, endpoint: "$RELAY" }
destination: { bucket: lat-dst-tool, endpoint: "$RELAY" }
manifest: { type: listing }
$([ "$inflight" = defaults ] || echo "copy: { concurrency: $inflight }")
report: { location: "$work/$inflight/reports" }
JOB
    tool "latency-$label" "$work/$inflight"
    relay_reset
    m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure "$OUT/tool-latency-$label.log" "${TOOL[@]}" copy \
        --job "$work/$inflight/job.yml")
    relay_stats "$n" "$limit"
    keep_summary "latency-$label" "$work/$inflight/reports"
    copy_phase "latency-$label" "$work/$inflight" "$n"
    record "latency-$label" "s3-bulk-copy$([ "$inflight" = defaults ] && echo " (auto: its default)" || echo " (concurrency $inflight)")" "$n" \
      objects/s "$m" a:lat-dst-tool "$n" $bytes "$OUT/latency-$label-tool-gc.log"

    relay_reset
    m=$(measure "$OUT/rclone-latency-$label.log" "${RCLONE[@]}" copy r:lat-src r:lat-dst-rclone \
        ${rclone_options[@]+"${rclone_options[@]}"})
    relay_stats "$n" "$limit"
    record "latency-$label" "rclone$([ "$inflight" = defaults ] || echo " (--transfers/--checkers $inflight)")" "$n" \
      objects/s "$m" a:lat-dst-rclone "$n" $bytes
  done
  stop_relay
  python3 - "$RESULTS" "$lat" <<'PY'
import csv, sys
lat = float(sys.argv[2])
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["scenario"].startswith("latency-")]
print(f'\n   {"in flight":<10} {"tool":<34} {"objects/s":>10} {"requests/s":>10} {"limit/s":>8} {"x limit":>7} {"most in flight":>14} {"x rclone":>8}')
for r in rows:
    inflight = r["scenario"].split("-", 1)[1]
    reqs = float(r["relay_requests"] or 0) / float(r["wall_s"]) if float(r["wall_s"]) > 0 else 0
    limit = float(inflight) / lat if inflight.isdigit() else 0
    rclone = next((float(o["rate"]) for o in rows if o["scenario"] == r["scenario"] and o["tool"].startswith("rclone")), 0)
    print(f'   {inflight:<10} {r["tool"]:<34} {r["rate"]:>10} {reqs:>10.0f} {(f"{limit:.0f}" if limit else "-"):>8} '
          f'{(f"{reqs / limit:.2f}" if limit else "-"):>7} {r["relay_max_in_flight"]:>14} {(float(r["rate"]) / rclone if rclone else 0):>8.2f}')
print("   (requests/s: the relay's requests over the run's wall time, start-up included; limit/s: in flight / latency, "
      "the most requests a second that many in flight can make; x limit: requests/s against it)")
tool = [r for r in rows if r["tool"].startswith("s3-bulk-copy")]
auto = next((float(r["rate"]) for r in tool if r["scenario"] == "latency-defaults"), 0)
fixed = [(float(r["rate"]), r["scenario"].split("-", 1)[1]) for r in tool if r["scenario"] != "latency-defaults"]
rclone_default = next((float(r["rate"]) for r in rows if r["scenario"] == "latency-defaults" and r["tool"].startswith("rclone")), 0)
if auto and fixed:
    best, at = max(fixed)
    print(f"   auto (this tool's default): {auto / best:.2f} x its best fixed setting (concurrency {at}, {best:.1f} objects/s)"
          + (f", {auto / rclone_default:.2f} x rclone at its defaults" if rclone_default else ""))
PY
}

# --- 7. throttle: a relay answering 503 SlowDown above a request rate ----------------------------------------------
throttle() {
  local n=${OBJECTS_GIVEN:-20000} work=$TMP/throttle m rclone_in_flight=64 setting buckets=()
  local bytes=$((n * SIZE))
  for setting in $THROTTLE_IN_FLIGHT; do
    [[ "$setting" =~ ^[0-9]+$ ]] && { rclone_in_flight=$setting; break; }
  done
  echo "== throttle: $n x $SIZE bytes through a relay answering 503 SlowDown above $THROTTLE_RPS requests/s" \
    "(${THROTTLE_PREFIX:-on every key and listing}) and holding every request $LATENCY; this tool at concurrency" \
    "$THROTTLE_IN_FLIGHT, rclone at --transfers/--checkers $rclone_in_flight"
  mkdir -p "$work"
  seeded a:thr-src "$n" "$SIZE" || seed "$EP" $KEY $SECRET thr-src "$n" "$SIZE"
  for setting in $THROTTLE_IN_FLIGHT; do buckets+=("thr-dst-tool-$setting"); done
  seed "$EP" $KEY $SECRET thr-dst-rclone 0 0 "${buckets[@]}"
  warm_server a:thr-src a:warm-throttle --include "bench/0*/**"
  start_relay relay-throttle --latency "$LATENCY" --jitter "$JITTER" --throttle-rps "$THROTTLE_RPS" \
    ${THROTTLE_PREFIX:+--throttle-prefix "$THROTTLE_PREFIX"}
  remote t "$RELAY" $KEY $SECRET
  for setting in $THROTTLE_IN_FLIGHT; do
    mkdir -p "$work/$setting"
    cat > "$work/$setting/job.yml" <<JOB
# The benchmark's throttle job: everything in bucket thr-src to thr-dst-tool-$setting through the throttling relay.
name: bench-throttle-$setting
source: { bucket: thr-src, endpoint: "$RELAY" }
destination: { bucket: thr-dst-tool-$setting, endpoint: "$RELAY" }
manifest: { type: listing }
copy: { concurrency: $setting }
report: { location: "$work/$setting/reports" }
JOB
    tool "throttle-$setting" "$work/$setting"
    relay_reset
    m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure "$OUT/tool-throttle-$setting.log" "${TOOL[@]}" \
        copy --job "$work/$setting/job.yml")
    relay_stats "$n"
    keep_summary "throttle-$setting" "$work/$setting/reports"
    copy_phase "throttle-$setting" "$work/$setting" "$n"
    record throttle "s3-bulk-copy (concurrency $setting)" "$n" objects/s "$m" "a:thr-dst-tool-$setting" "$n" $bytes \
      "$OUT/throttle-$setting-tool-gc.log"
  done

  relay_reset
  m=$(measure "$OUT/rclone-throttle.log" "${RCLONE[@]}" copy t:thr-src t:thr-dst-rclone \
      --transfers "$rclone_in_flight" --checkers "$rclone_in_flight")
  relay_stats "$n"
  record throttle "rclone (--transfers/--checkers $rclone_in_flight)" "$n" objects/s "$m" a:thr-dst-rclone "$n" $bytes
  stop_relay
  python3 - "$RESULTS" "$THROTTLE_RPS" <<'PY'
import csv, sys
rps = float(sys.argv[2])
print(f'\n   {"tool":<38} {"objects/s":>10} {"x N":>6} {"% 503":>7} {"requests":>9}  copied everything')
for r in csv.DictReader(open(sys.argv[1])):
    if r["scenario"] == "throttle":
        print(f'   {r["tool"]:<38} {r["rate"]:>10} {float(r["rate"]) / rps:>6.2f} {r["relay_503_pct"]:>7} '
              f'{r["relay_requests"]:>9}  {"yes" if r["check"] == "ok" and r["exit"] == "0" else "NO: " + r["check"] + ", exit " + r["exit"]}')
print(f"   (x N: objects/s against the relay's limit of {rps:.0f} requests/s; % 503: requests answered 503 SlowDown)")
PY
}

# --- 8. scale: a very large inventory planned with a small heap, a slice of it copied and reported -------------------
# step_times DB: "STEP READ WRITTEN FILTERED MILLISECONDS" per step of the job database DB (closed), one a line
step_times() {
  java -cp "$(tr ':' '\n' <<< "$CP" | grep -m1 '/h2-')" org.h2.tools.Shell -url "jdbc:h2:file:$1" -user sa -sql \
    "select STEP_NAME, READ_COUNT, WRITE_COUNT, FILTER_COUNT, DATEDIFF('MILLISECOND', START_TIME, END_TIME) from BATCH_STEP_EXECUTION order by STEP_EXECUTION_ID" \
    2>/dev/null | awk -F'|' 'NR > 1 && NF == 5 { gsub(/ /, ""); print $1, $2, $3, $4, $5 }' || true
}
# watch_ledger DB CSV STOP-FILE STATUS-SECONDS: starts bench/LedgerWatch.java on the job database DB (it waits for the
# run to open it) with its samples in CSV, status's ledger queries timed every STATUS-SECONDS s (-1: once, when the
# plan step has completed); it ends once STOP-FILE exists (unwatch). Sets WATCH_PID.
watch_ledger() {
  rm -f "$3"
  java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$(tr ':' '\n' <<< "$CP" | grep -m1 '/h2-')" \
    bench/LedgerWatch.java "$1" "$SCALE_SAMPLE" "$3" "$4" > "$2" 2> "${2%.csv}.err" &
  WATCH_PID=$!
}
# unwatch STOP-FILE: stops the watcher. Not by the lock file: an H2 client of AUTO_SERVER reconnects when the run
# closes the database, and serves it itself.
unwatch() {
  touch "$1"
  for _ in $(seq 1 100); do kill -0 "$WATCH_PID" 2>/dev/null || break; sleep 0.2; done
  kill "$WATCH_PID" 2>/dev/null || true
  wait "$WATCH_PID" 2>/dev/null || true
}
scale() {
  local n=$SCALE_ROWS work=$TMP/scale manifest m slice_n status_pid i
  echo "== scale: an S3 Inventory report of $n rows planned by copy --dry-run with -Xmx256m, then copied with a" \
    "filter keeping $SCALE_SLICE of its 997 folders (objects of $SCALE_SIZE bytes), with status asked every" \
    "$SCALE_STATUS_EVERY s during that run"
  mkdir -p "$work/plan" "$work/copy"
  timeout 3600 java -cp "$CP:target/classes" bench/Inventory.java "$work/inventory" scale-src "$n" "$SCALE_SIZE" \
    "$SCALE_SLICE" "$work/slice.txt"
  slice_n=$(wc -l < "$work/slice.txt")
  manifest=$(find "$work/inventory" -name manifest.json | head -1)
  echo "   inventory: $(du -sh "$work/inventory" | cut -f1) gzipped; $slice_n of its rows in the copied slice"
  timeout 3600 java -cp "$CP" bench/SeedKeys.java "$EP" $KEY $SECRET scale-src "$work/slice.txt" "$SCALE_SIZE" scale-dst

  # 1. The whole inventory planned (a dry run: the plan step alone, its rows dropped once counted).
  cat > "$work/plan/job.yml" <<JOB
# The benchmark's scale job, planned only: a dry run plans every row of the inventory into the ledger.
name: bench-scale
source: { bucket: scale-src, endpoint: "$EP" }
destination: { bucket: scale-dst, endpoint: "$EP" }
manifest: { type: inventory, location: "$manifest" }
report: { location: "$work/plan/reports" }
JOB
  DB_OPTIONS=";AUTO_SERVER=TRUE" tool scale-plan "$work/plan" -Xmx256m -XX:+StartAttachListener
  # status's ledger queries are timed once, on the whole plan: run while planning, they take CPU from it
  watch_ledger "$work/plan/db" "$OUT/scale-plan-watch.csv" "$work/plan/stop" -1
  m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure --gc-every "$HEAP_SAMPLE" "$OUT/tool-scale-plan.log" \
      "${TOOL[@]}" copy \
      --job "$work/plan/job.yml" --dry-run)
  unwatch "$work/plan/stop"
  record scale-plan "s3-bulk-copy plan (-Xmx256m)" "$n" rows/s "$m" "$OUT/scale-plan-tool-gc.log"
  step_times "$work/plan/db" > "$OUT/scale-plan-steps.txt"
  ls -l "$work/plan/db.mv.db" | awk '{ print "   job database after the dry run (its rows dropped): " $5 " bytes" }'

  # 2. The same inventory copied for real, filtered to the slice: every row read, the slice planned, copied, reported.
  cat > "$work/copy/job.yml" <<JOB
# The benchmark's scale job, copied: the plan step reads every row and keeps the first $SCALE_SLICE folders.
name: bench-scale
source: { bucket: scale-src, endpoint: "$EP" }
destination: { bucket: scale-dst, endpoint: "$EP" }
manifest: { type: inventory, location: "$manifest" }
filter: { include: [$(for i in $(seq 0 $((SCALE_SLICE - 1))); do printf '"logs/%03d/**", ' "$i"; done | sed 's/, $//')] }
copy: { concurrency: $CONCURRENCY }
report: { location: "$work/copy/reports" }
JOB
  DB_OPTIONS=";AUTO_SERVER=TRUE" tool scale-status "$work/copy"
  local status_tool=("${TOOL[@]}") FLOOR
  # status's floor (bench/StatusFloor.java) is asked right after each status, the same way: what no status can go
  # under on cores the run keeps busy. Its class archive is recorded on the dry run's database, now closed.
  build_floors
  local floor_status
  if [ ! -f "$TMP/floor/status-default.jsa" ] && [ ! -f "$TMP/floor/status-default.aot" ]; then
    floor_java default record status
    "${FLOOR[@]}" "${STATUS_FLOOR[@]}" "jdbc:h2:file:$work/plan/db;WRITE_DELAY=0;AUTO_SERVER=TRUE" \
      > "$OUT/scale-status-floor.log" 2>&1 || echo "   the status floor's first run failed: see $OUT/scale-status-floor.log" >&2
  fi
  floor_java default "" status
  floor_status=("${FLOOR[@]}" "${STATUS_FLOOR[@]}" "jdbc:h2:file:$work/copy/db;WRITE_DELAY=0;AUTO_SERVER=TRUE")
  DB_OPTIONS=";AUTO_SERVER=TRUE" tool scale-copy "$work/copy" -Xmx256m -XX:+StartAttachListener
  watch_ledger "$work/copy/db" "$OUT/scale-copy-watch.csv" "$work/copy/stop" 0
  # status while the run goes on: every SCALE_STATUS_EVERY s once the run has its database open, each answer timed
  rm -f "$OUT/scale-status.jsonl" "$OUT/scale-status-after.jsonl" "$OUT/scale-status-lines.txt" \
    "$OUT/scale-status-floor.jsonl"
  (
    for _ in $(seq 1 6000); do [ -f "$work/copy/db.lock.db" ] && break; sleep 0.1; done
    i=0
    while [ ! -f "$work/copy/stop" ] && [ $i -lt 1000 ]; do
      for _ in $(seq 1 $((SCALE_STATUS_EVERY * 5))); do [ -f "$work/copy/stop" ] && break; sleep 0.2; done
      [ -f "$work/copy/stop" ] && break
      i=$((i + 1))
      python3 bench/measure.py --timeout 120 "$OUT/tool-scale-status.log" "${status_tool[@]}" status \
        --job "$work/copy/job.yml" >> "$OUT/scale-status.jsonl" || true
      grep -m1 -E "objects|planned|running|RUNNING" "$OUT/tool-scale-status.log" >> "$OUT/scale-status-lines.txt" || true
      [ -f "$work/copy/stop" ] && break
      python3 bench/measure.py --timeout 120 "$OUT/scale-status-floor.log" "${floor_status[@]}" \
        >> "$OUT/scale-status-floor.jsonl" || true
    done
  ) &
  status_pid=$!
  m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure --gc-every "$HEAP_SAMPLE" "$OUT/tool-scale-copy.log" \
      "${TOOL[@]}" copy \
      --job "$work/copy/job.yml")
  touch "$work/copy/stop"
  wait "$status_pid" || true
  unwatch "$work/copy/stop"
  keep_summary scale-copy "$work/copy/reports"
  record scale-copy "s3-bulk-copy copy of the slice (-Xmx256m)" "$slice_n" objects/s "$m" a:scale-dst "$slice_n" \
    $((slice_n * SCALE_SIZE)) "$OUT/scale-copy-tool-gc.log"
  for i in 1 2 3; do
    python3 bench/measure.py --timeout 120 "$OUT/tool-scale-status-after.log" "${status_tool[@]}" status \
      --job "$work/copy/job.yml" >> "$OUT/scale-status-after.jsonl" || true
  done
  step_times "$work/copy/db" > "$OUT/scale-copy-steps.txt"
  timeout 900 "${RCLONE[@]}" -q purge a:scale-src || true

  python3 - "$RESULTS" "$n" "$slice_n" "$OUT" <<'PY'
import csv, json, os, re, statistics, sys
results, n, slice_n, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = {r["scenario"]: r for r in csv.DictReader(open(results))}
def steps(name):
    found = {}
    for line in open(os.path.join(out, name)):
        p = line.split()
        if len(p) == 5 and p[4].lstrip("-").isdigit():
            found[p[0]] = dict(read=int(p[1]), written=int(p[2]), filtered=int(p[3]), ms=int(p[4]))
    return found
def watch(name):
    samples = []
    for line in open(os.path.join(out, name)):
        p = line.strip().split(",")
        if len(p) == 6 and p[0].isdigit():
            samples.append((int(p[0]) / 1000, int(p[1]), int(p[2]), p[3], int(p[4]), int(p[5]) if p[5] else None))
    return samples
def gcs(name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return "-"
    scale = {"K": 1 / 1024, "M": 1, "G": 1024}
    pauses = re.findall(r"Pause (\w+).*?\d+[KMG]->(\d+)([KMG])\(\d+[KMG]\)", open(path).read())
    after = [int(a) * scale[u] for k, a, u in pauses]
    full = [int(a) * scale[u] for k, a, u in pauses if k == "Full"]
    if not after:
        return "no GC"
    half = after[len(after) // 2:]
    return (f"{max(after):.0f} MiB peak after any GC ({len(after)} GCs, {len(full)} full"
            + (f", largest after a full GC {max(full):.0f} MiB" if full else "")
            + f"; peak in the first half of the GCs {max(after[:max(1, len(after) // 2)]):.0f}, in the second {max(half):.0f})")
table = []
def add(what, value, note=""):
    table.append((what, value, note))
plan_steps, copy_steps = steps("scale-plan-steps.txt"), steps("scale-copy-steps.txt")
plan_row, copy_row = rows.get("scale-plan"), rows.get("scale-copy")
if plan_row:
    add("dry run, whole process", f'{float(plan_row["rate"]):,.0f} rows/s', f'{plan_row["wall_s"]} s wall, {plan_row["cpu_s"]} CPU s, peak RSS {plan_row["rss_mib"]} MiB, exit {plan_row["exit"]}')
p = plan_steps.get("plan")
if p and p["ms"] > 0:
    add("plan step (dry run)", f'{p["written"] * 1000 / p["ms"]:,.0f} rows/s', f'{p["written"]:,} rows in {p["ms"] / 1000:.1f} s')
add("heap, dry run (-Xmx256m)", gcs("scale-plan-tool-gc.log"))
samples = [s for s in watch("scale-plan-watch.csv") if s[3] in ("STARTED", "COMPLETED")]
if len(samples) >= 3:
    # rows/s between samples, grouped by how full the ledger was: tenths of the rows
    bands = {}
    for (t0, r0, w0, s0, _, _), (t1, r1, w1, s1, _, _) in zip(samples, samples[1:]):
        # only intervals the plan step ran through: the one it ended in says when it was sampled, not how fast it went
        if t1 > t0 and w1 > w0 and s1 == "STARTED":
            band = min(9, w0 * 10 // max(1, n))
            bands.setdefault(band, [0, 0.0])
            bands[band][0] += w1 - w0
            bands[band][1] += t1 - t0
    rates = {b: v[0] / v[1] for b, v in sorted(bands.items()) if v[1] > 0}
    if rates:
        first, last = rates[min(rates)], rates[max(rates)]
        add("planning rate by ledger size", " ".join(f"{r / 1000:.0f}k" for r in rates.values()) + " rows/s",
            f"per tenth of the {n:,} rows (sampled every few s); last tenth / first: {last / first:.2f}")
    size_at_end = max(s[4] for s in samples)
    written = max(s[2] for s in samples)
    if written:
        add("job database, planned", f'{size_at_end / 1048576 / (written / 1e6):,.0f} MiB per million rows',
            f'{size_at_end / 1048576:,.0f} MiB at {written:,} rows (largest sampled db.mv.db; H2, keys of ~30 characters)')
    done = next((s[0] for s in samples if s[3] == "COMPLETED"), None)
    if done is not None and plan_row:
        add("dry run after its plan step", f'{float(plan_row["wall_s"]) - done:.1f} s',
            f"counts, cost estimate (reads every row), rows dropped, status's queries below alongside; "
            f"+- {os.environ.get('SCALE_SAMPLE', '2')} s")
    timed = [(s[2], s[5]) for s in samples if s[5] is not None and s[2] > 0]
    if timed:
        add("status's ledger queries", f"{timed[-1][1] / 1000:.2f} s at {timed[-1][0]:,} rows",
            "the SQL status runs for a run going on (kept totals and pace), in the dry run's H2 server once its "
            "plan step completed")
else:
    add("planning rate by ledger size", "-", "too few samples (see scale-plan-watch.csv/.err)")
if copy_row:
    add("copy of the slice, whole process", f'{float(copy_row["rate"]):,.0f} objects/s', f'{copy_row["objects"]} objects of {slice_n:,}, check {copy_row["check"]}, {copy_row["wall_s"]} s wall, {copy_row["cpu_s"]} CPU s, peak RSS {copy_row["rss_mib"]} MiB, exit {copy_row["exit"]}')
p = copy_steps.get("plan")
if p and p["ms"] > 0:
    add("plan step (copy run, filtered)", f'{p["read"] * 1000 / p["ms"]:,.0f} rows/s read', f'{p["read"]:,} rows read, {p["written"]:,} planned, {p["filtered"]:,} filtered out in {p["ms"] / 1000:.1f} s')
c = copy_steps.get("copy")
if c and c["ms"] > 0:
    add("copy step", f'{slice_n * 1000 / c["ms"]:,.0f} objects/s', f'{c["ms"] / 1000:.1f} s')
r = copy_steps.get("report")
if r and p:
    add("report step", f'{r["ms"] * 1000 / max(1, p["written"]):,.0f} us per row', f'{r["ms"] / 1000:.2f} s for the run\'s {p["written"]:,} rows')
add("heap, copy run (-Xmx256m)", gcs("scale-copy-tool-gc.log"))
def answers(name, key="wall"):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return []
    return [json.loads(l)[key] for l in open(path) if l.strip().startswith("{") and json.loads(l)["exit"] == 0]
during, after = answers("scale-status.jsonl"), answers("scale-status-after.jsonl")
if during:
    add("status --job during the run", f"median {statistics.median(during):.2f} s, max {max(during):.2f} s",
        f"{len(during)} answers, {sum(1 for w in during if w < 1)} under 1 s (whole process: JVM start included), "
        f"median {statistics.median(answers('scale-status.jsonl', 'cpu')):.2f} CPU s")
floor = answers("scale-status-floor.jsonl")
if floor:
    add("status's floor during the run", f"median {statistics.median(floor):.2f} s, max {max(floor):.2f} s",
        f"{len(floor)} answers, each right after a status, {sum(1 for w in floor if w < 1)} under 1 s, median "
        f"{statistics.median(answers('scale-status-floor.jsonl', 'cpu')):.2f} CPU s (bench/StatusFloor.java: "
        "the same queries, no parser, no Spring Boot environment)")
if after:
    add("status --job after the run", f"median {statistics.median(after):.2f} s", f"{len(after)} answers (the same, the run closed)")
print(f"\n   scale: {n:,} inventory rows, slice {slice_n:,}")
for what, value, note in table:
    print(f"   {what:<34} {value:<28} {note}")
PY
  rm -rf "$work"
}

# --- 9. distributed: one job on 1, 2 and 3 worker processes through the latency relay --------------------------------
# dist_job FILE NAME CONCURRENCY DATABASE-URL REPORTS: the distributed scenario's job file
dist_job() {
  cat > "$1" <<JOB
# The benchmark's distributed job: everything in bucket dist-src to dist-dst, both through the latency relay.
name: $2
source: { bucket: dist-src, endpoint: "$RELAY" }
destination: { bucket: dist-dst, endpoint: "$RELAY" }
manifest: { type: listing }
copy: { concurrency: $3, partitions: $DIST_PARTITIONS, chunk-size: $DIST_CHUNK }
report: { location: "$5" }
JOB
}
# dist_java DATABASE: the command of one process of this tool on the scenario's PostgreSQL database DATABASE
dist_java() {
  DIST_JAVA=(env AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
    -Dspring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$1" -Dspring.datasource.username=postgres
    -jar target/s3-bulk-copy.jar)
}
# dist_run LABEL WORKERS DATABASE [kill]: a manager (copy --distributed, its broker embedded) and WORKERS worker
# processes, each measured on its own; with kill, one worker is killed with SIGKILL once it has committed two chunks
# of a partition, and the time until another worker took the partition over and committed in it again is printed
dist_run() {
  local label=$1 workers=$2 db=$3 kill=${4:-} port i pids=() victim killed times
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  dist_java "$db"
  timeout 900 "${RCLONE[@]}" -q delete a:dist-dst 2>/dev/null || true
  relay_reset
  for i in $(seq 1 "$workers"); do
    python3 bench/measure.py --timeout "$TOOL_TIMEOUT" "$OUT/tool-$label-worker-$i.log" "${DIST_JAVA[@]}" worker \
      --job "$DIST_WORK/$label.yml" --broker "tcp://127.0.0.1:$port" --slots "${DIST_RUN_SLOTS:-$DIST_SLOTS}" \
      > "$DIST_WORK/$label-worker-$i.json" &
    pids+=($!)
  done
  python3 bench/measure.py --timeout "$TOOL_TIMEOUT" "$OUT/tool-$label-manager.log" "${DIST_JAVA[@]}" copy \
    --job "$DIST_WORK/$label.yml" --distributed --broker-bind "127.0.0.1:$port" > "$DIST_WORK/$label-manager.json" &
  local manager=$!
  if [ -n "$kill" ]; then
    read -r victim partition < <(java -cp "$CP" bench/DistWatch.java "jdbc:postgresql://127.0.0.1:$PG_PORT/$db" victim)
    kill -9 "$victim"
    killed=$(date +%s%3N)
    times=$(java -cp "$CP" bench/DistWatch.java "jdbc:postgresql://127.0.0.1:$PG_PORT/$db" failover "$partition" "$killed" \
      || echo "- -")
    echo "   failover: worker $victim killed (SIGKILL) in partition $partition; taken over after ${times% *} s, its" \
      "next chunk committed after ${times#* } s"
    echo "$times" > "$DIST_WORK/$label-failover.txt"
  fi
  wait "$manager" || true
  for i in "${pids[@]}"; do wait "$i" || true; done
  relay_stats "$DIST_OBJECTS" "$(python3 -c "print($workers * $DIST_CONCURRENCY / $DIST_LAT)")"
  java -cp "$CP" bench/DistWatch.java "jdbc:postgresql://127.0.0.1:$PG_PORT/$db" copy-seconds > "$DIST_WORK/$label-copy.txt"
  python3 - "$DIST_WORK" "$label" "$workers" "$RELAY_JSON" > "$DIST_WORK/$label-measure.json" <<'PY'
import glob, json, sys
work, label, workers, relay = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
manager = json.load(open(f"{work}/{label}-manager.json"))
ws = [json.load(open(f)) for f in sorted(glob.glob(f"{work}/{label}-worker-*.json"))]
# The row's CPU is every process's; exit is the manager's (a killed worker's 137 is the scenario's doing)
print(json.dumps({"wall": manager["wall"], "cpu": round(manager["cpu"] + sum(w["cpu"] for w in ws), 1),
                  "rss_mib": max([manager["rss_mib"]] + [w["rss_mib"] for w in ws]), "exit": manager["exit"],
                  "manager_cpu": manager["cpu"], "worker_cpu": [w["cpu"] for w in ws],
                  "worker_exit": [w["exit"] for w in ws], "relay": relay}))
PY
  DIST_RELAY_JSON=$RELAY_JSON
}
distributed() {
  local n=${OBJECTS_GIVEN:-20000} w m db label
  DIST_OBJECTS=$n DIST_CONCURRENCY=${DIST_CONCURRENCY:-16} DIST_SLOTS=${DIST_SLOTS:-2}
  DIST_PARTITIONS=${DIST_PARTITIONS:-12} DIST_CHUNK=${DIST_CHUNK:-50} DIST_LAT=$(seconds "$LATENCY") DIST_WORK=$TMP/distributed
  echo "== distributed: $n x $SIZE bytes copied server-side through a relay holding every request $LATENCY; a manager" \
    "and 1..3 workers (${DIST_WORKERS:-1 2 3}) at copy.concurrency $DIST_CONCURRENCY each, $DIST_SLOTS slots," \
    "$DIST_PARTITIONS partitions; one process at the same total concurrency; a worker killed mid-partition"
  echo "   (every process, the relay, S3Proxy and PostgreSQL share this machine's $(nproc) cores)"
  mkdir -p "$DIST_WORK"
  seeded a:dist-src "$n" "$SIZE" || seed "$EP" $KEY $SECRET dist-src "$n" "$SIZE"
  seed "$EP" $KEY $SECRET dist-dst 0 0
  java -cp "$CP" bench/Postgres.java "$TMP/postgres.port" w1 w2 w3 p1 p2 p3 failover > "$OUT/postgres.log" 2>&1 &
  RELAYS+=($!)   # stopped with the servers; its CPU is not counted as S3Proxy's
  PG_PORT=
  for _ in $(seq 1 600); do [ -f "$TMP/postgres.port" ] && PG_PORT=$(cat "$TMP/postgres.port") && break; sleep 0.2; done
  [ -n "$PG_PORT" ] || { echo "PostgreSQL did not start; see $OUT/postgres.log" >&2; exit 1; }
  start_relay relay-distributed --latency "$LATENCY" --jitter "$JITTER"
  remote r "$RELAY" $KEY $SECRET
  warm_server r:dist-src r:warm-distributed --include "bench/0*/**"
  for w in ${DIST_WORKERS:-1 2 3}; do
    label=dist-workers-$w
    dist_job "$DIST_WORK/$label.yml" "bench-$label" "$DIST_CONCURRENCY" "w$w" "$DIST_WORK/$label-reports"
    echo "-- $w worker(s) at concurrency $DIST_CONCURRENCY: the Little's-law limit is $((w * DIST_CONCURRENCY)) /" \
      "$LATENCY = $(python3 -c "print(round($w * $DIST_CONCURRENCY / $DIST_LAT))") requests/s"
    dist_run "$label" "$w" "w$w"
    RELAY_JSON=$DIST_RELAY_JSON
    record "$label" "s3-bulk-copy ($w worker(s) x concurrency $DIST_CONCURRENCY)" "$n" objects/s \
      "$(cat "$DIST_WORK/$label-measure.json")" a:dist-dst "$n" $((n * SIZE))

    label=dist-single-$w
    dist_job "$DIST_WORK/$label.yml" "bench-$label" $((w * DIST_CONCURRENCY)) "p$w" "$DIST_WORK/$label-reports"
    dist_java "p$w"
    timeout 900 "${RCLONE[@]}" -q delete a:dist-dst 2>/dev/null || true
    relay_reset
    m=$(measure "$OUT/tool-$label.log" "${DIST_JAVA[@]}" copy --job "$DIST_WORK/$label.yml")
    relay_stats "$n" "$(python3 -c "print($w * $DIST_CONCURRENCY / $DIST_LAT)")"
    java -cp "$CP" bench/DistWatch.java "jdbc:postgresql://127.0.0.1:$PG_PORT/p$w" copy-seconds > "$DIST_WORK/$label-copy.txt"
    python3 -c 'import json, sys; m = json.loads(sys.argv[1]); m["relay"] = json.loads(sys.argv[2]); print(json.dumps(m))' \
      "$m" "$RELAY_JSON" > "$DIST_WORK/$label-measure.json"
    record "$label" "s3-bulk-copy (one process x concurrency $((w * DIST_CONCURRENCY)))" "$n" objects/s "$m" \
      a:dist-dst "$n" $((n * SIZE))
  done
  label=dist-failover
  w=$(echo ${DIST_WORKERS:-1 2 3} | awk '{ print $NF }')
  # As many partitions as slots, and a spare slot in each worker: the killed worker's partition is taken up as soon
  # as the broker gives its request back, and the time measured is the failover's, not a wait for a free slot.
  local partitions=$DIST_PARTITIONS
  DIST_PARTITIONS=$((w * DIST_SLOTS))
  dist_job "$DIST_WORK/$label.yml" "bench-$label" "$DIST_CONCURRENCY" failover "$DIST_WORK/$label-reports"
  DIST_PARTITIONS=$partitions
  echo "-- $w workers ($((w * DIST_SLOTS)) partitions, $((DIST_SLOTS + 1)) slots each), one killed with SIGKILL once it" \
    "has committed two chunks of a partition"
  DIST_RUN_SLOTS=$((DIST_SLOTS + 1)) dist_run "$label" "$w" failover kill
  RELAY_JSON=$DIST_RELAY_JSON
  record "$label" "s3-bulk-copy ($w workers; one killed)" "$n" objects/s "$(cat "$DIST_WORK/$label-measure.json")" \
    a:dist-dst "$n" $((n * SIZE))
  stop_relay
  python3 - "$DIST_WORK" "$n" "$DIST_LAT" "$DIST_CONCURRENCY" ${DIST_WORKERS:-1 2 3} <<'PY'
import json, os, sys
work, n, lat, c = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f'\n   {"run":<34} {"in flight":>9} {"copy s":>7} {"objects/s":>9} {"req/s":>6} {"limit/s":>7} {"x limit":>7} '
      f'{"wall s":>7} {"CPU s (manager + workers)":<34}')
def row(label, name, inflight):
    m = json.load(open(f"{work}/{label}-measure.json"))
    copy = float(open(f"{work}/{label}-copy.txt").read().strip() or 0)
    relay = m.get("relay") or {}
    reqs = relay.get("requests", 0) / copy if copy else 0
    limit = inflight / lat
    cpu = (f'{m["manager_cpu"]:.1f} + ' + " + ".join(f"{c:.1f}" for c in m["worker_cpu"])) if "manager_cpu" in m else f'{m["cpu"]:.1f}'
    print(f'   {name:<34} {inflight:>9} {copy:>7.1f} {n / copy if copy else 0:>9.0f} {reqs:>6.0f} {limit:>7.0f} '
          f'{reqs / limit:>7.2f} {m["wall"]:>7.1f} {cpu:<34}')
for w in map(int, sys.argv[5:]):
    row(f"dist-workers-{w}", f"{w} worker(s) x {c}", w * c)
    row(f"dist-single-{w}", f"one process x {w * c}", w * c)
row("dist-failover", f"{sys.argv[-1]} workers x {c}, one killed", int(sys.argv[-1]) * c)
f = f"{work}/dist-failover-failover.txt"
if os.path.exists(f):
    took, commit = open(f).read().split()
    print(f"   failover after the SIGKILL: partition taken over in {took} s, its next chunk committed in {commit} s")
print("   (copy s: the copy step in the job database; req/s: the relay's requests over the copy step, which has nearly all"
      " of them; limit/s: in flight / latency; x limit: req/s against it; all processes share the same cores)")
PY
}

# --- 10. start-up: an empty copy run, `status`, and the floor of this tool's stack -------------------------------------
# floor_java JDK [record] [NAME]: sets FLOOR to the java command of a floor (NAME: start, bench/StartFloor.java, the
# default; status, bench/StatusFloor.java) on JDK ("default" or a JDK's folder): the launcher's JVM options and that
# floor's class archive for that JDK, as the launcher keeps one (a dynamic archive before Java 25, an AOT cache from 25
# on); with "record", the unmeasured first run that records it.
floor_java() {
  local jdk=$1 java=java release archive
  [ "$jdk" = default ] || java=$jdk/bin/java
  release=$(release_of "$jdk")
  archive=$TMP/floor/${3:-start}-$(basename "$jdk")
  FLOOR=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
  if [ "${release:-0}" -ge 25 ]; then
    if [ "${2:-}" = record ]; then FLOOR+=("-XX:AOTCacheOutput=$archive.aot"); else FLOOR+=("-XX:AOTCache=$archive.aot"); fi
    FLOOR+=(-Xlog:aot=off -Xlog:cds=off)
  else
    if [ "${2:-}" = record ]; then FLOOR+=("-XX:ArchiveClassesAtExit=$archive.jsa"); else FLOOR+=("-XX:SharedArchiveFile=$archive.jsa"); fi
    FLOOR+=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}
# build_floors: compiles both floors once into FLOOR_JAR, to run with the tool's own libraries (FLOOR_LIB, extracted
# from its jar as the launcher does it); STATUS_FLOOR is the status floor's class path and class, before its database
# URL (it calls the tool's own classes too).
build_floors() {
  local dir=$TMP/floor
  FLOOR_JAR=$dir/floor.jar FLOOR_APP=$dir/app/s3-bulk-copy.jar FLOOR_LIB=$dir/app/lib
  STATUS_FLOOR=(-cp "$FLOOR_JAR:$FLOOR_APP" StatusFloor)
  [ -f "$FLOOR_JAR" ] && return 0
  mkdir -p "$dir/classes"
  java -Djarmode=tools -jar target/s3-bulk-copy.jar extract --destination "$dir/app" >/dev/null
  javac -d "$dir/classes" -cp "$FLOOR_LIB/*" bench/StartFloor.java
  javac -d "$dir/classes" -cp "$FLOOR_APP:$FLOOR_LIB/*" bench/StatusFloor.java
  jar cf "$FLOOR_JAR" -C "$dir/classes" .
}
# with_run_time MEASURE-JSON REPORTS: adds run_s to a measurement, how long the run itself took by the newest
# summary.json under REPORTS (from its job's start to its report), which start-up and exit are not part of
with_run_time() {
  python3 - "$1" "$(newest_summary "$2")" <<'PY' || true
import json, sys
measured = json.load(open(sys.argv[1]))
if sys.argv[2]:
    measured["run_s"] = float(json.load(open(sys.argv[2]))["durationSeconds"])
json.dump(measured, open(sys.argv[1], "w"))
PY
}
start() {
  echo "== start-up: an empty copy run (a listing of an empty bucket: plan, nothing to copy, report, exit), \`status\`," \
    "the stack's floor and rclone, $START_RUNS runs each, alternated"
  local work=$TMP/start floor_cp i kind jdk label FLOOR
  mkdir -p "$work"
  seed "$EP" $KEY $SECRET start-src 0 0 start-dst >/dev/null
  cat > "$work/job.yml" <<JOB
# The benchmark's empty run: a listing of an empty bucket, so the run is start-up, plan, report and exit.
name: bench-start
source: { bucket: start-src, endpoint: "$EP" }
destination: { bucket: start-dst, endpoint: "$EP" }
manifest: { type: listing }
report: { location: "$work/reports" }
JOB
  build_floors
  floor_cp=$FLOOR_JAR:$(find "$FLOOR_LIB" -name '*.jar' | sort | tr '\n' ':')
  local floor_args=(-cp "$floor_cp" StartFloor "--floor.endpoint=$EP" --floor.bucket=start-src
    "--spring.datasource.url=jdbc:h2:file:$work/floor-db" --spring.batch.jdbc.initialize-schema=always
    --spring.main.banner-mode=off --logging.level.root=warn)
  # The status floor reads the empty run's job database, by the URL the benchmark gives the tool.
  local status_floor_args status_floor
  for jdk in $(jdks); do
    on_jdk "$jdk"
    floor_java "$jdk" record
    AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET "${FLOOR[@]}" "${floor_args[@]}" \
      > "$OUT/floor-start$JDK_TAG.log" 2>&1 || { echo "   the floor's first run failed: see $OUT/floor-start$JDK_TAG.log" >&2; return 0; }
    tool_for start "$work"
    # Unmeasured: the job's first run and status's first run (which records status's own archive).
    AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET "${TOOL[@]}" copy --job "$RUN_JOB" > "$OUT/tool-start$JDK_TAG.log" 2>&1
    "${TOOL[@]}" status > "$OUT/tool-status$JDK_TAG.log" 2>&1
    status_floor_args=("${STATUS_FLOOR[@]}" "jdbc:h2:file:$RUN_WORK/db;WRITE_DELAY=0")
    floor_java "$jdk" record status
    "${FLOOR[@]}" "${status_floor_args[@]}" > "$OUT/status-floor$JDK_TAG.log" 2>&1 \
      || { echo "   the status floor's first run failed: see $OUT/status-floor$JDK_TAG.log" >&2; return 0; }
    floor_java "$jdk" "" status
    status_floor=("${FLOOR[@]}")
    floor_java "$jdk"
    for i in $(seq 1 "$START_RUNS"); do
      AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure "$OUT/tool-start$JDK_TAG.log" "${TOOL[@]}" copy \
        --job "$RUN_JOB" > "$work/tool$JDK_TAG-$i.json"
      with_run_time "$work/tool$JDK_TAG-$i.json" "$RUN_WORK/reports"
      measure "$OUT/tool-status$JDK_TAG.log" "${TOOL[@]}" status > "$work/status$JDK_TAG-$i.json"
      measure "$OUT/status-floor$JDK_TAG.log" "${status_floor[@]}" "${status_floor_args[@]}" \
        > "$work/statusfloor$JDK_TAG-$i.json"
      AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET measure "$OUT/floor-start$JDK_TAG.log" \
        "${FLOOR[@]}" "${floor_args[@]}" > "$work/floor$JDK_TAG-$i.json"
      [ -n "$JDK_TAG" ] || measure "$OUT/rclone-start.log" "${RCLONE[@]}" copy a:start-src a:start-dst > "$work/rclone-$i.json"
    done
    for kind in tool status statusfloor floor rclone; do
      [ -f "$work/$kind$JDK_TAG-1.json" ] || continue
      python3 - "$work" "$kind$JDK_TAG" "$START_RUNS" > "$work/$kind$JDK_TAG.json" <<'PY'
import json, statistics, sys
work, kind, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
ms = [json.load(open(f"{work}/{kind}-{i}.json")) for i in range(1, runs + 1)]
median = lambda key: round(statistics.median(m[key] for m in ms), 2)
summary = {"wall": median("wall"), "cpu": median("cpu"), "rss_mib": max(m["rss_mib"] for m in ms),
           "exit": max(m["exit"] for m in ms), "server_cpu": median("server_cpu"),
           "walls": sorted(m["wall"] for m in ms)}
if all("run_s" in m for m in ms):
    summary["run_s"] = median("run_s")
print(json.dumps(summary))
PY
      case $kind in
        tool) label="s3-bulk-copy empty copy run$JDK_LABEL" ;;
        status) label="s3-bulk-copy status$JDK_LABEL" ;;
        statusfloor) label="status floor: H2 + status's queries$JDK_LABEL" ;;
        floor) label="floor: Boot + Batch + H2 + a listing$JDK_LABEL" ;;
        rclone) label="rclone copy (nothing to copy)" ;;
      esac
      # The rate is runs per hour (3,600 / the median's wall seconds), so the ratio column compares the medians.
      record start "$label" 3600 runs/hour "$(cat "$work/$kind$JDK_TAG.json")"
      python3 - "$work/$kind$JDK_TAG.json" "$label" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
line = f'   {sys.argv[2]:<44} median {m["wall"]:.2f} s wall, {m["cpu"]:.2f} CPU s (runs: {", ".join(f"{w:.2f}" for w in m["walls"])})'
if "run_s" in m:
    line += f'; the run itself (summary.json) {m["run_s"]:.2f} s, so {m["wall"] - m["run_s"]:.2f} s outside it'
print(line)
PY
    done
  done
  on_jdk default
  rm -rf "$work"
}

# The distributed scenario runs java -jar (its processes are started and killed one by one): no launcher to warm.
[ "$WHAT" = distributed ] || warm_launcher
case "$WHAT" in
  small) small ;;
  plan) plan ;;
  stream) stream ;;
  large) large ;;
  memory) memory ;;
  latency) latency ;;
  throttle) throttle ;;
  scale) scale ;;
  distributed) distributed ;;
  start) start ;;
  all) small; stream; large; memory; plan; latency; throttle; start ;;
esac

python3 - "$RESULTS" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print()
print(f'{"scenario":<12} {"tool":<38} {"objects":>9} {"rate":>16} {"wall s":>8} {"CPU s":>8} {"server s":>8} '
      f'{"RSS MiB":>8} {"heap MiB":>8} {"live MiB":>8} {"x tool":>7} {"exit":>4}  check')
for row in rows:
    base = next((float(r["rate"]) for r in rows if r["scenario"] == row["scenario"] and r["tool"].startswith("s3-bulk-copy")), 0)
    ratio = float(row["rate"]) / base if base else 0
    print(f'{row["scenario"]:<12} {row["tool"]:<38} {row["objects"]:>9} {row["rate"]:>9} {row["unit"]:<6} '
          f'{row["wall_s"]:>8} {row["cpu_s"]:>8} {row["server_cpu_s"]:>8} {row["rss_mib"]:>8} {row["heap_mib"]:>8} {row["live_mib"]:>8} {ratio:>7.2f} '
          f'{row["exit"]:>4}  {row["check"]}')
print(f"\nCSV: {sys.argv[1]}\n(server s: the S3Proxy servers' CPU seconds during the run, on the same two cores; heap MiB: this tool's peak heap after any GC, from its GC log; live MiB: its peak heap "
      "after a full GC, asked for every HEAP_SAMPLE s in the memory scenario; check: the destination holds every "
      "object and byte)")
failed = [f'{r["scenario"]} {r["tool"]}' for r in rows if r["exit"] != "0" or r["check"] not in ("ok", "-")]
if failed:
    print(f"\n{len(failed)} run(s) failed or left the destination incomplete: " + "; ".join(failed) +
          " (their output is in target/bench/*.log)")
    sys.exit(1)
PY
