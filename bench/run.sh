#!/usr/bin/env bash
# The benchmark: s3-bulk-copy against rclone, aws s3 sync and a bare AWS SDK copy loop, each tool on the same local
# S3 server (S3Proxy, in memory, on 127.0.0.1) and the same data, whole processes timed from start to exit.
#
#   bench/run.sh [small|plan|all]          (default: all)
#   OBJECTS=20000 SIZE=4096 bench/run.sh small
#
# Prints a table (tool, rate, wall s, CPU s, peak RSS, ratio to s3-bulk-copy) and writes it as CSV to
# target/bench/results.csv. Every loop is bounded by its object count; nothing leaves 127.0.0.1.
# docs/performance.md has the figures of a real run and what they mean.
set -euo pipefail
cd "$(dirname "$0")/.."

OBJECTS=${OBJECTS:-20000}
SIZE=${SIZE:-4096}
PLAN_ROWS=${PLAN_ROWS:-1000000}
CONCURRENCY=${CONCURRENCY:-64}
WHAT=${1:-all}
OUT=target/bench
mkdir -p "$OUT"
RESULTS=$OUT/results.csv
echo "scenario,tool,objects,rate,unit,wall_s,cpu_s,rss_mib,exit" > "$RESULTS"

# --- tools ------------------------------------------------------------------------------------------------------
[ -f target/s3-bulk-copy.jar ] || ./mvnw -B -q package -DskipTests
[ -f "$OUT/classpath.txt" ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP=$(cat "$OUT/classpath.txt")
if ! command -v rclone >/dev/null || ! command -v aws >/dev/null; then
  echo "installing rclone and awscli from Debian's packages ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rclone awscli >/dev/null
fi

# --- the server ---------------------------------------------------------------------------------------------------
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
EP=http://127.0.0.1:$PORT
KEY=bench-access-key
SECRET=bench-secret-key
cat > "$OUT/s3proxy.properties" <<PROPS
s3proxy.endpoint=$EP
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$KEY
s3proxy.credential=$SECRET
jclouds.provider=transient
jclouds.identity=$KEY
jclouds.credential=$SECRET
PROPS
java -Xmx2g -jar target/servers/s3proxy.jar --properties "$OUT/s3proxy.properties" > "$OUT/s3proxy.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "$EP" && break; sleep 0.2; done

seed() { java -cp "$CP" bench/Seed.java "$EP" "$KEY" "$SECRET" "$@"; }
count() {
  env -u AWS_CA_BUNDLE RCLONE_CONFIG_B_TYPE=s3 RCLONE_CONFIG_B_PROVIDER=Other RCLONE_CONFIG_B_ENDPOINT="$EP" \
    RCLONE_CONFIG_B_ACCESS_KEY_ID=$KEY RCLONE_CONFIG_B_SECRET_ACCESS_KEY=$SECRET RCLONE_CONFIG_B_REGION=us-east-1 \
    rclone size "b:$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])'
}
# record SCENARIO TOOL OBJECTS UNIT-AMOUNT UNIT MEASURE-JSON
record() {
  python3 - "$@" >> "$RESULTS" <<'PY'
import json, sys
scenario, tool, objects, amount, unit, measured = sys.argv[1:7]
m = json.loads(measured)
rate = float(amount) / m["wall"] if m["wall"] > 0 else 0
print(f'{scenario},{tool},{objects},{rate:.1f},{unit},{m["wall"]},{m["cpu"]},{m["rss_mib"]},{m["exit"]}')
PY
}

# --- 1. small objects, server-side ---------------------------------------------------------------------------------
small() {
  echo "== small objects, server-side: $OBJECTS x $SIZE bytes, concurrency $CONCURRENCY"
  seed src "$OBJECTS" "$SIZE" dst-tool dst-rclone dst-aws dst-ceiling
  work=$(mktemp -d)
  cat > "$work/job.yml" <<JOB
# The benchmark's job: everything in bucket src to dst-tool, verified, with a report.
name: bench-small
source: { bucket: src, endpoint: "$EP" }
destination: { bucket: dst-tool, endpoint: "$EP" }
manifest: { type: listing }
copy: { concurrency: $CONCURRENCY }
report: { location: "$work/reports" }
JOB
  m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET python3 bench/measure.py "$OUT/tool-small.log" \
      java -Dspring.datasource.url="jdbc:h2:file:$work/db;WRITE_DELAY=0" -jar target/s3-bulk-copy.jar copy --job "$work/job.yml")
  record small s3-bulk-copy "$(count dst-tool)" "$OBJECTS" objects/s "$m"

  m=$(env -u AWS_CA_BUNDLE RCLONE_CONFIG_S3_TYPE=s3 RCLONE_CONFIG_S3_PROVIDER=Other RCLONE_CONFIG_S3_ENDPOINT="$EP" \
      RCLONE_CONFIG_S3_ACCESS_KEY_ID=$KEY RCLONE_CONFIG_S3_SECRET_ACCESS_KEY=$SECRET RCLONE_CONFIG_S3_REGION=us-east-1 \
      python3 bench/measure.py "$OUT/rclone-small.log" rclone copy s3:src s3:dst-rclone --transfers 64 --checkers 64)
  record small rclone "$(count dst-rclone)" "$OBJECTS" objects/s "$m"

  m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET AWS_DEFAULT_REGION=us-east-1 \
      python3 bench/measure.py "$OUT/aws-small.log" aws --endpoint-url "$EP" s3 sync s3://src s3://dst-aws --only-show-errors)
  record small "aws s3 sync" "$(count dst-aws)" "$OBJECTS" objects/s "$m"

  m=$(python3 bench/measure.py "$OUT/ceiling-small.log" java -cp "$CP" bench/CopyLoop.java "$EP" "$KEY" "$SECRET" src dst-ceiling "$CONCURRENCY")
  record small "bare SDK copy loop" "$(count dst-ceiling)" "$OBJECTS" objects/s "$m"
  grep -h "copy loop" "$OUT/ceiling-small.log" || true
  rm -rf "$work"
}

# --- 4. planning -----------------------------------------------------------------------------------------------------
plan() {
  echo "== planning an S3 Inventory manifest of $PLAN_ROWS rows with -Xmx256m"
  work=$(mktemp -d)
  java -cp "$CP:target/classes" bench/Inventory.java "$work/inventory" src "$PLAN_ROWS"
  manifest=$(find "$work/inventory" -name manifest.json | head -1)
  cat > "$work/job.yml" <<JOB
# The benchmark's planning job: a dry run plans the whole manifest into the ledger and copies nothing.
name: bench-plan
source: { bucket: src, endpoint: "$EP" }
destination: { bucket: dst-tool, endpoint: "$EP" }
manifest: { type: inventory, location: "$manifest" }
report: { location: "$work/reports" }
JOB
  m=$(AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET python3 bench/measure.py "$OUT/tool-plan.log" \
      java -Xmx256m -Dspring.datasource.url="jdbc:h2:file:$work/db;WRITE_DELAY=0" -jar target/s3-bulk-copy.jar \
      copy --job "$work/job.yml" --dry-run)
  record plan "s3-bulk-copy plan (-Xmx256m)" "$PLAN_ROWS" "$PLAN_ROWS" rows/s "$m"
  rm -rf "$work"
}

case "$WHAT" in
  small) small ;;
  plan) plan ;;
  all) small; plan ;;
  *) echo "usage: bench/run.sh [small|plan|all]" >&2; exit 2 ;;
esac

python3 - "$RESULTS" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print()
print(f'{"scenario":<9} {"tool":<30} {"objects":>9} {"rate":>12} {"wall s":>8} {"CPU s":>8} {"RSS MiB":>8} {"x tool":>7}')
for row in rows:
    base = next((float(r["rate"]) for r in rows if r["scenario"] == row["scenario"] and r["tool"].startswith("s3-bulk-copy")), 0)
    ratio = float(row["rate"]) / base if base else 0
    print(f'{row["scenario"]:<9} {row["tool"]:<30} {row["objects"]:>9} {row["rate"]:>8} {row["unit"]:<3} {row["wall_s"]:>8} {row["cpu_s"]:>8} {row["rss_mib"]:>8} {ratio:>7.2f}')
print(f"\nCSV: {sys.argv[1]}")
PY
