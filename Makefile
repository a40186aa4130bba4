# tuixin: the one entry point. `make` sets up, builds everything and serves the www page;
# `make test` runs every test there is (CI runs exactly this).
SHELL := /bin/bash
.DEFAULT_GOAL := all
HOST ?= 127.0.0.1
PORT ?= 8040

.PHONY: all setup build cli wasm extension www serve test lint test-native test-wasm test-browser bench fuzz demo clean

all: build
	@echo
	@echo "Built:  target/release/tuixin (CLI)   dist/extension/ (load unpacked)   dist/www/ (static page)"
	@echo "Load the extension: chrome://extensions → Developer mode → Load unpacked → $(CURDIR)/dist/extension"
	@$(MAKE) --no-print-directory serve

setup:
	@scripts/setup.sh

build: setup cli wasm extension www

cli:
	cargo build --release --quiet

wasm:
	@scripts/build-wasm.sh

extension: wasm
	@if [ -x scripts/build-extension.sh ]; then scripts/build-extension.sh; else echo "(no extension yet)"; fi

www: wasm
	@if [ -x scripts/build-www.sh ]; then scripts/build-www.sh; else echo "(no www page yet)"; fi

serve:
	@echo "Serving dist/www on http://$(HOST):$(PORT)/ (Ctrl+C stops)"
	@python3 -m http.server --bind $(HOST) --directory dist/www $(PORT)

test: setup lint test-native test-wasm test-browser
	@echo "make test: all passed"

lint:
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
	@if [ -x scripts/lint-extension.sh ]; then $(MAKE) --no-print-directory extension && scripts/lint-extension.sh; fi

test-native:
	cargo test --quiet
	cargo test --quiet --no-default-features

test-wasm:
	cargo test --target wasm32-unknown-unknown --no-default-features --test wasm

test-browser: build
	@if ls tests/browser/*.test.mjs >/dev/null 2>&1; then node --test --test-concurrency=1 tests/browser/; else echo "(no browser tests yet)"; fi

bench: build
	@scripts/bench.sh

fuzz:
	@scripts/fuzz.sh $(or $(SECONDS_EACH),60)

demo: build
	@node scripts/demo.mjs

clean:
	cargo clean
	rm -rf dist
