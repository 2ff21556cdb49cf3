# Wraps CMake; all build logic lives in CMakeLists.txt and CMakePresets.json.
PRESET ?= release
BUILD  := build/$(PRESET)
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build run test install bench bench-peer asan fuzz clean

all: build

deps:
	@.ci/deps

$(BUILD)/CMakeCache.txt: | deps
	cmake --preset $(PRESET)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The main job: kvalitet.db with synthetic cases (made on the first run, reused after),
# every case assessed under its municipality's standard, and a summary per municipality.
run: build
	$(BUILD)/repl/kvalitet demo

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The program (PREFIX/bin/kvalitet, on PATH), the library, its headers, the standards, and
# the CMake and pkg-config files, under PREFIX. /usr/local needs root: sudo make install.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)
	@if [ "$$(id -u)" = 0 ] && command -v ldconfig > /dev/null; then ldconfig; fi
	@echo "kvalitet er installeret: $(PREFIX)/bin/kvalitet (libkvalitet.so i $(PREFIX)/lib)"

# The five groups of bench/README.md (not part of `make test`). BENCH_SAGER sets the
# pipeline's number of cases (the issue's store run: make bench BENCH_SAGER=1000000).
# Groups 2-3 time nothing when the two hand-written Kerteminde references disagree with the
# script (they are written from it and must follow its changes); the message names a case,
# and the other groups still run.
BENCH_SAGER ?= 20000
bench: build
	cmake --build $(BUILD) -j $(JOBS) --target bench
	@echo "== 1 og 5: vurderinger pr. sekund pr. kommune, indlæsning af standarderne"
	$(BUILD)/bench/bench_assess_per_kommune .
	@echo "== 2 og 3: værtens overhead og C++-gulvet (Kerteminde)"
	-$(BUILD)/bench/bench_host_overhead .
	@echo "== 4: parsing af sags-JSON, og hele pipelines"
	$(BUILD)/bench/bench_json_parse
	$(BUILD)/bench/bench_parse_and_assess .
	bench/pipeline.sh $(BUILD)/repl/kvalitet $(BENCH_SAGER)
	@echo "== 5: opstart"
	bench/opstart.sh $(BUILD)/repl/kvalitet .

# Group 6 of bench/README.md: Kvalitet beside json-rules-engine and GoRules ZEN with the same
# reduced rules. npm installs the two into bench/peer/node_modules only; never part of the
# build, `make test` or CI. PEER_SAGER cases per run.
PEER_SAGER ?= 50000
bench-peer: build
	cd bench/peer && npm install --no-audit --no-fund
	node bench/peer/koer.js $(BUILD)/repl/kvalitet $(PEER_SAGER)

asan:
	$(MAKE) test PRESET=asan

# libFuzzer on each target of tests/fuzz for FUZZ_SEKUNDER seconds, under ASan and UBSan,
# in its own clang build (build/fuzz). What it finds is left in build/fuzz/fuzz-fund/;
# tests/fuzz/CMakeLists.txt says how a find becomes a regression test.
FUZZ_SEKUNDER ?= 600
fuzz:
	@.ci/deps fuzz
	cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKVALITET_FUZZ=ON
	cmake --build build/fuzz -j $(JOBS) --target fuzz_alle
	tests/fuzz/koer.sh build/fuzz $(FUZZ_SEKUNDER)

clean:
	rm -rf build
