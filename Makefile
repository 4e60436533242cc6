# The README's two commands: `make demo` and `make test`.
SWIFT ?= swift

.PHONY: setup build demo test clean

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build

demo: build
	$(SWIFT) run --skip-build kb extract corpus --format text

test: setup
	$(SWIFT) test

clean:
	rm -rf .build
