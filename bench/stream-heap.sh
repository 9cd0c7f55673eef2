#!/usr/bin/env bash
# stream-heap.sh: the issue's claim, at full size: a streamed copy of a 2 GiB object with -Xmx256m.
#
# Runs StreamHeapFunctionalTests (which copies 600 MiB with -Xmx128m in the normal suite) with a bigger object and
# heap: a child JVM copies one object from an S3Proxy filesystem store to another bucket with copy.mode: stream, one
# GET streamed into one PUT, and the test prints the child's heap as its GC log saw it ("stream-heap: ..."). Needs
# ~4.5 GiB of free disk in the temporary folder (the object twice, plus the upload). Takes a few minutes on 2 cores.
#
#   bench/stream-heap.sh [MiB] [Xmx]      # defaults: 2048 256m
set -euo pipefail
cd "$(dirname "$0")/.."
mib="${1:-2048}"
xmx="${2:-256m}"
./mvnw -B -q test -Dtest=StreamHeapFunctionalTests -Ds3bulkcopy.heap-test.mib="$mib" -Ds3bulkcopy.heap-test.xmx="$xmx"
grep -h 'stream-heap:' target/surefire-reports/*StreamHeapFunctionalTests-output.txt
