#!/usr/bin/env bash
# Runs the side-by-side benchmark (see bench/README.md).
#
#   ./bench/run.sh            20 pages × 100 revisions, 5 runs each
#   ./bench/run.sh --small    3 × 60, one run each (a quick smoke run)
#   ./bench/run.sh --publish  also write the results into bench/README.md
#   ./bench/run.sh --scale    only the scale benchmark: builds of 1 page × 1k/5k/10k
#                             revisions and 100/1,000/3,000 pages × 10 (TestScale)
#   any other arguments go to the test: -pages N -revs N -runs N -git-runs N
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
scale=
for a in "$@"; do
	case "$a" in
	--scale) scale=1 ;;
	--small) args+=(-pages 3 -revs 60 -runs 1 -git-runs 1) ;;
	--publish) args+=(-publish) ;;
	*) args+=("$a") ;;
	esac
done
mkdir -p bench/out
if [ -n "$scale" ]; then
	# Any other arguments go to the test: -scale-revs 1000,5000 -scale-pages 100 -scale-budget 10m
	go test -count=1 -timeout 3h -v -run '^TestScale$' ./bench -args -scale "${args[@]}" 2>&1 | tee bench/out/scale.log
	exit "${PIPESTATUS[0]}"
fi
go test -count=1 -timeout 3h -v -run '^TestBench$' ./bench -args -full "${args[@]}" 2>&1 | tee bench/out/run.log
# The micro-benchmarks behind the converter and diff targets.
go test -run '^$' -bench 'Convert|Lines|Words|Commit' -benchtime 20x \
	./sync/wikitext ./sync/worddiff ./sync/archive 2>&1 | tee bench/out/go-bench.txt
# Authorship: accuracy on the large synthetic histories, and cost per revision.
go test -count=1 -timeout 30m -v -run '^TestAccuracyFull$' ./sync/authorship -args -full 2>&1 | tee bench/out/authorship.txt
go test -run '^$' -bench 'Add' -benchtime 3x ./sync/authorship 2>&1 | tee -a bench/out/authorship.txt
