#!/bin/bash
# Runs benchmark commands in turn, N rounds, and prints each one's best and median wall and CPU time.
# On a shared machine two builds compare only when their runs interleave like this.
#
#   bench/compare-builds.sh 6 before "dotnet /tmp/before/Aus.Benchmarks.dll forecast 5000" \
#                             after  "dotnet bench/Aus.Benchmarks/bin/Release/net10.0/Aus.Benchmarks.dll forecast 5000"
#
# Each command must print one `forecast` result line last (clusters, orgs, best, median, CPU, ...).
set -euo pipefail
rounds=$1
shift
labels=()
commands=()
while [ $# -gt 0 ]; do
  labels+=("$1")
  commands+=("$2")
  shift 2
done

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for ((round = 0; round < rounds; round++)); do
  for i in "${!labels[@]}"; do
    echo "${labels[$i]} $(eval "${commands[$i]}" | tail -1)" | tee -a "$results"
  done
done

python3 - "$results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    fields = line.split()
    runs[fields[0]].append((float(fields[3]), float(fields[5]), fields[9], fields[10]))
for label, values in runs.items():
    wall = sorted(v[0] for v in values)
    cpu = sorted(v[1] for v in values)
    digests = sorted({f"{v[2]}/{v[3]}" for v in values})
    print(f"{label:12} wall best {wall[0]:.2f} s, median {statistics.median(wall):.2f} s; "
          f"CPU best {cpu[0]:.2f} s, median {statistics.median(cpu):.2f} s; {len(values)} runs; digests {', '.join(digests)}")
PY
