#!/usr/bin/env python3
"""Runs one command and prints what it cost as one JSON line: wall seconds, CPU seconds (user + system, children
included) and peak RSS in MiB. Used by bench/run.sh so every tool is measured the same way."""
import json
import resource
import subprocess
import sys
import time

if len(sys.argv) < 3:
    sys.exit("usage: measure.py LOGFILE COMMAND [ARG...]")
log = open(sys.argv[1], "w")
start = time.monotonic()
process = subprocess.run(sys.argv[2:], stdout=log, stderr=subprocess.STDOUT)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "exit": process.returncode,
    "wall": round(wall, 3),
    "cpu": round(usage.ru_utime + usage.ru_stime, 3),
    "rss_mib": round(usage.ru_maxrss / 1024, 1),
}))
