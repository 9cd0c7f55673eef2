#!/usr/bin/env python3
"""Runs one command and prints what it cost as one JSON line: wall seconds, CPU seconds (user + system, children
included), peak RSS in MiB and the exit code. Used by bench/run.sh so every tool is measured the same way.

    measure.py [--timeout SECONDS] [--gc-every SECONDS] [--cpu-timeline FILE] LOGFILE COMMAND [ARG...]

The command runs in a process group of its own. With --timeout, a command still running after SECONDS is sent
SIGTERM, then SIGKILL 10 s later, its whole group with it, and the exit code is 124 (as coreutils' timeout). If this
script is interrupted or terminated, the group is killed too, so no tool outlives the benchmark.

With --gc-every, COMMAND must be a JVM started with -XX:+StartAttachListener: every SECONDS it is asked for a full
GC (the diagnostic command GC.run over HotSpot's attach socket, as jcmd sends it, without starting another JVM), so
its GC log shows its live heap as the run goes on.

With --cpu-timeline, FILE gets a line "EPOCH-SECONDS CPU-SECONDS" every 50 ms while the command runs: the CPU time its
process (the JVM the launcher execs into) has used so far, by /proc, so that what a part of the run cost can be read off
between two clock times (bench/run.sh's copy_phase, by the job database's step times)."""
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time

args = sys.argv[1:]
timeout = None
gc_every = None
timeline = None
while len(args) >= 2 and args[0] in ("--timeout", "--gc-every", "--cpu-timeline"):
    if args[0] == "--timeout":
        timeout = float(args[1])
    elif args[0] == "--gc-every":
        gc_every = float(args[1])
    else:
        timeline = args[1]
    args = args[2:]
if len(args) < 2:
    sys.exit("usage: measure.py [--timeout SECONDS] [--gc-every SECONDS] [--cpu-timeline FILE] LOGFILE COMMAND [ARG...]")


def full_gc(pid):
    """Runs jcmd's GC.run in JVM pid through its attach socket; False when there is none (yet)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as attach:
            attach.settimeout(60)
            attach.connect(f"/tmp/.java_pid{pid}")
            attach.sendall(b"1\0jcmd\0GC.run\0\0\0")
            while attach.recv(4096):
                pass
        return True
    except OSError:
        return False



def sample_cpu(pid, path, done):
    """Writes the CPU seconds process pid has used so far, every 50 ms, until done is set or it has exited."""
    tick = os.sysconf("SC_CLK_TCK")
    with open(path, "w") as out:
        while not done.wait(0.05):
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                return
            out.write(f"{time.time():.3f} {(int(fields[11]) + int(fields[12])) / tick:.2f}\n")


def terminated(signum, frame):
    raise KeyboardInterrupt


signal.signal(signal.SIGTERM, terminated)
log = open(args[0], "w")
start = time.monotonic()
process = subprocess.Popen(args[1:], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
sampled = threading.Event()
sampler = threading.Thread(target=sample_cpu, args=(process.pid, timeline, sampled), daemon=True)
if timeline:
    sampler.start()


def kill_group(sig):
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


stopped = threading.Event()
timed_out = threading.Event()


def watch(pid):
    """Asks for a full GC every gc_every seconds and ends the command's group at the timeout, until stopped is set.
    On a thread of its own, so that the main thread blocks in waitpid and sees the exit the moment it happens (a
    wait with a timeout polls, every 50 ms once it has run a while, which added up to 50 ms to every wall time)."""
    deadline = None if timeout is None else start + timeout
    while True:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            timed_out.set()
            kill_group(signal.SIGTERM)
            if not stopped.wait(10):
                kill_group(signal.SIGKILL)
            return
        if stopped.wait(min(w for w in (gc_every, left) if w is not None)):
            return
        if gc_every is not None and (deadline is None or time.monotonic() < deadline):
            full_gc(pid)


watcher = threading.Thread(target=watch, args=(process.pid,), daemon=True)
if timeout is not None or gc_every is not None:
    watcher.start()
try:
    code = process.wait()
except KeyboardInterrupt:
    kill_group(signal.SIGKILL)
    process.wait()
    raise SystemExit(130)
wall = time.monotonic() - start
stopped.set()
if timed_out.is_set():
    print(f"measure.py: {args[1]} still running after {timeout:.0f} s: terminated", file=sys.stderr)
    code = 124
sampled.set()
if timeline:
    sampler.join()
kill_group(signal.SIGKILL)  # anything the command left running in its group
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "exit": code,
    "wall": round(wall, 3),
    "cpu": round(usage.ru_utime + usage.ru_stime, 3),
    "rss_mib": round(usage.ru_maxrss / 1024, 1),
}))
