# Short recipes for the common jobs; see Documentation/Development.md.
SWIFT ?= swift

.PHONY: build test run format golden bench stdlib

build:
	$(SWIFT) build

test:
	$(SWIFT) build
	$(SWIFT) test --parallel

run: build
	.build/debug/weir run examples/pets/workflow.yaml --inputs examples/pets/photos --store weir.db

format:
	$(SWIFT) format --in-place --recursive Sources Tests

golden:
	UPDATE_GOLDEN=1 $(SWIFT) test

bench:
	$(SWIFT) build -c release
	.build/release/weir bench

stdlib:
	scripts/embed-stdlib.sh
