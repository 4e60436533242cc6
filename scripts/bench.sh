#!/usr/bin/env bash
# `make bench` (BENCHMARKS.md): throughput, latency and memory on the shared news corpus.
# CORPUS overrides the corpus; BENCH_DOCS=N uses only its first N documents. Without the corpus it says so and
# exits 0 before building anything. Release builds go to their own scratch path so they never wait for (or
# invalidate) the debug build.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${CORPUS:-$(cd .. && pwd)/shared/corpora/clickid-news.jsonl.gz}
if [ ! -f "$corpus" ]; then
    echo "bench: the corpus $corpus is absent: nothing measured (it comes with ../shared/corpora)"
    exit 0
fi

swift=${SWIFT:-swift}
# BENCH_RELEASE_DIR: where the release binaries are (a test points it at stand-ins, with SWIFT=true).
release=${BENCH_RELEASE_DIR:-.build-release/release}
./scripts/setup.sh
"$swift" build -c release --scratch-path .build-release --product kb
"$swift" build -c release --scratch-path .build-release --product kb-bench
exec "$release/kb-bench" --kb "$release/kb" --corpus "$corpus" --gazetteer gazetteer --output bench/results.json \
    ${BENCH_DOCS:+--docs "$BENCH_DOCS"}
