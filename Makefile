# The README's two commands: `make demo` and `make test`.
SWIFT ?= swift

.PHONY: setup build demo test bench clean

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build

KB = .build/debug/kb

demo: build
	rm -f demo.sqlite demo.sqlite-wal demo.sqlite-shm
	$(KB) extract corpus/beritajakarta-2025-01-21-dinsos-perkuat-pilar-sosial.txt --format text
	$(KB) ingest corpus --db demo.sqlite
	$(KB) query "kegiatan Karang Taruna 2025" --db demo.sqlite --format table
	$(KB) query "siapa Kepala Dinas Sosial DKI Jakarta Juli 2025" --db demo.sqlite --format table
	$(KB) query "berapa peserta Jambore Karang Taruna" --db demo.sqlite --format table

test: setup
	$(SWIFT) test

# Throughput, latency and memory on the shared news corpus (BENCHMARKS.md); BENCH_DOCS=N uses the first N documents.
# Release builds go to their own scratch path so they never wait for (or invalidate) the debug build.
CORPUS ?= $(abspath $(CURDIR)/../shared/corpora/clickid-news.jsonl.gz)
RELEASE = .build-release/release

bench: setup
	@if [ ! -f "$(CORPUS)" ]; then \
		echo "bench: the corpus $(CORPUS) is absent: nothing measured (it comes with ../shared/corpora)"; \
	else \
		$(SWIFT) build -c release --scratch-path .build-release --product kb && \
		$(SWIFT) build -c release --scratch-path .build-release --product kb-bench && \
		$(RELEASE)/kb-bench --kb $(RELEASE)/kb --corpus "$(CORPUS)" --gazetteer gazetteer --output bench/results.json \
			$(if $(BENCH_DOCS),--docs $(BENCH_DOCS)); \
	fi

clean:
	rm -rf .build
