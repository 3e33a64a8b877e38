# Short recipes for the common jobs; see Documentation/Development.md.
SWIFT ?= swift

.PHONY: deps build test run format format-check golden bench stdlib

# Missing Debian packages (libyaml-dev, libjpeg62-turbo-dev, …) are installed first.
deps:
	scripts/install-deps.sh

build: deps
	$(SWIFT) build

# Tests run one at a time: several spawn real processes (weir, python3, sqlite) and time them out,
# and on a 2-core machine parallel tests starve each other's cooperative threads. Serial is about as
# fast here and never flaky.
test: build format-check
	$(SWIFT) test --no-parallel

run: build
	.build/debug/weir run examples/pets/workflow.yaml --inputs examples/pets/photos --store weir.db

format:
	$(SWIFT) format --in-place --recursive Sources Tests

format-check:
	$(SWIFT) format lint --strict --recursive Sources Tests

golden:
	UPDATE_GOLDEN=1 $(SWIFT) test

bench:
	$(SWIFT) build -c release
	.build/release/weir bench

stdlib:
	scripts/embed-stdlib.sh
