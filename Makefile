# Wraps CMake; all build logic lives in CMakeLists.txt and CMakePresets.json.
PRESET ?= release
BUILD  := build/$(PRESET)
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build run test bench asan clean

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

bench: build
	cmake --build $(BUILD) -j $(JOBS) --target bench
	$(BUILD)/bench/bench_parse_and_assess .
	$(BUILD)/bench/bench_assess_per_kommune .

asan:
	$(MAKE) test PRESET=asan

clean:
	rm -rf build
