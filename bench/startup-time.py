#!/usr/bin/env python3
"""startup-time.py RUNS CMD...: runs CMD RUNS times (stdout discarded) and prints the best and median
wall time and the best and median CPU time (user + system, from os.wait4) in milliseconds.
CPU time hardly depends on what else the machine runs; wall time does."""
import os, subprocess, sys, time, statistics
runs = int(sys.argv[1]); cmd = sys.argv[2:]
walls, cpus = [], []
for _ in range(runs):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    walls.append((time.perf_counter() - start) * 1000)
    cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    if os.waitstatus_to_exitcode(status) != 0:
        print("failed:", p.stderr.read().decode()[-300:]); sys.exit(1)
print(f"best {min(walls):.0f} ms, median {statistics.median(walls):.0f} ms wall; best cpu {min(cpus):.0f} ms, median cpu {statistics.median(cpus):.0f} ms ({runs} runs)")
