# Short recipes for the common jobs; see Documentation/Development.md.
SWIFT ?= swift

.PHONY: deps build release test run format format-check golden bench stdlib

# Missing Debian packages (libyaml-dev, libjpeg62-turbo-dev, …) are installed first.
deps:
	scripts/install-deps.sh

build: deps
	$(SWIFT) build

# The release binary: the Swift runtime and Foundation linked in (`--static-swift-stdlib`), so a
# process starts without loading and relocating some sixty shared libraries; only system C
# libraries stay shared. Every benchmark script builds with these flags. See Documentation/Development.md.
RELEASE_FLAGS = -c release --product weir --static-swift-stdlib

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

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

bench: release
	.build/release/weir bench

stdlib:
	scripts/embed-stdlib.sh
