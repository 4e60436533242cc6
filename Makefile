# The README's two commands: `make demo` and `make test`.
SWIFT ?= swift

.PHONY: setup build demo test bench clean

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build

KB = .build/debug/kb

demo: build
	rm -f demo.sqlite demo.sqlite-wal demo.sqlite-shm demo.sqlite.building
	$(KB) extract corpus/beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt --format text
	$(KB) ingest corpus --db demo.sqlite
	$(KB) query "kegiatan Karang Taruna 2025" --db demo.sqlite --format table
	$(KB) query "siapa Kepala Dinas Sosial DKI Jakarta Juli 2025" --db demo.sqlite --format table
	$(KB) query "berapa peserta Jambore Karang Taruna" --db demo.sqlite --format table

test: setup
	$(SWIFT) test

# Throughput, latency and memory on the shared news corpus (BENCHMARKS.md); BENCH_DOCS=N uses the first N documents,
# CORPUS=path another corpus. Without the corpus it says so and exits 0 (scripts/bench.sh).
bench:
	@CORPUS="$(CORPUS)" BENCH_DOCS="$(BENCH_DOCS)" SWIFT="$(SWIFT)" ./scripts/bench.sh

clean:
	rm -rf .build .build-release
