# gongkai — plain GNU Makefile with pkg-config. Objects under $(BUILD)/.
#
#   make            build build/gongkai
#   make run        install missing packages, build, load the demo corpus, open the console
#   make test       install missing packages, build, run every test (prints "N passed, N failed")
#   make asan       the test suite again under AddressSanitizer + UndefinedBehaviorSanitizer
#   make monkey     the console monkey test under ASan/UBSan: MONKEY_EVENTS, MONKEY_SEEDS
#   make bench      benchmarks on a generated 100 MB corpus (figures and ratios)
#   make bench-orgs only the organisation-check benchmark (1,000,000 generated organisations)
#   make bench-places only the place look-up benchmark (the real division tables, if present)
#   make bench-stats only the relief-statistics benchmark (1.2 million generated values)
#   make bench-hotlines only hotline routing latency (the real divisions and relief stations)
#   make bench-packages only signed packages: verify and install a 100 MB package
#   make install    PREFIX=/usr/local DESTDIR=
#   make fuzz       libFuzzer harnesses (tests/fuzz/, clang): FUZZ_RUNS, FUZZ_TIME, FUZZ_NAMES
#   make clean
#
# WERROR=1 turns warnings into errors (CI sets it).

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc

PKGS := ncursesw sqlite3 libedit inih opencc libsodium jansson
TEST_PKGS := cmocka vterm

# Recursive (=) so pkg-config only runs when something is compiled: `make deps` must be
# able to run on a machine that does not have the packages yet.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS))
TEST_LIBS = $(shell pkg-config --libs $(TEST_PKGS))

WARN := -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes \
        -Wwrite-strings -Wundef -Wpointer-arith -Wvla -Wimplicit-fallthrough \
        -Winit-self -Wcast-align -Wnull-dereference
ifeq ($(WERROR),1)
WARN += -Werror
endif

OPT ?= -O2 -g
ifeq ($(SAN),1)
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDSAN := -fsanitize=address,undefined
endif

CPPFLAGS_ALL = -D_GNU_SOURCE -Icore -Iloader -Itui -I$(BUILD)/gen $(PKG_CFLAGS)
CFLAGS_ALL = -std=c11 -pthread $(OPT) $(WARN) -MMD -MP $(CFLAGS)
LDFLAGS_ALL = -pthread $(LDSAN) $(LDFLAGS)

GEN := $(BUILD)/gen
OPENCC_DIR ?= /usr/share/opencc
UNICODE_DIR ?= /usr/share/unicode
OPENCC_DICTS := TSCharacters STCharacters TWVariantsRev TSPhrases

CORE_SRC := $(wildcard core/*.c)
LOADER_SRC := $(wildcard loader/*.c)
TUI_SRC := $(wildcard tui/*.c)
GEN_SRC := $(GEN)/fold_table.c $(GEN)/embedded.c $(GEN)/pinyin_table.c

CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o) $(GEN_SRC:%.c=%.o)
LOADER_OBJ := $(LOADER_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ := $(TUI_SRC:%.c=$(BUILD)/%.o)
TUI_MAIN := $(BUILD)/tui/main.o

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN := $(BUILD)/tests/vtrun $(BUILD)/bench/gencorpus $(BUILD)/bench/benchq

BIN := $(BUILD)/gongkai
LIB := $(BUILD)/libgongkai.a

.PHONY: fuzz fuzz-bins fuzz-regress
.PHONY: all deps run test test-only asan monkey bench bench-orgs bench-places bench-stats bench-hotlines bench-packages install uninstall clean check-deps
.DEFAULT_GOAL := all

all: $(BIN)

# ---- packages -----------------------------------------------------------------------
deps:
	@tools/deps.sh

# ---- generated sources ----------------------------------------------------------------
$(BUILD)/tools/%: tools/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $<

$(GEN)/%.txt: $(OPENCC_DIR)/%.ocd2
	@mkdir -p $(GEN)
	opencc_dict -i $< -o $@ -f ocd2 -t text

$(GEN)/fold_table.c: $(BUILD)/tools/gen_fold $(OPENCC_DICTS:%=$(GEN)/%.txt)
	$(BUILD)/tools/gen_fold $@ $(UNICODE_DIR)/UnicodeData.txt $(UNICODE_DIR)/CaseFolding.txt \
	  $(OPENCC_DICTS:%=$(GEN)/%.txt)

# Pinyin readings (core/pinyin.c): Unihan kTGHZ2013, else kMandarin (docs/dependencies.md).
$(GEN)/Unihan_Readings.txt: $(UNICODE_DIR)/Unihan_Readings.txt.bz2
	@mkdir -p $(GEN)
	bzcat $< > $@.tmp && mv $@.tmp $@

$(GEN)/pinyin_table.c: $(BUILD)/tools/gen_pinyin $(GEN)/Unihan_Readings.txt
	$(BUILD)/tools/gen_pinyin $@ $(GEN)/Unihan_Readings.txt

$(GEN)/embedded.c: $(BUILD)/tools/embed data/schema.sql data/vocab.txt data/indicators.csv
	@mkdir -p $(GEN)
	$(BUILD)/tools/embed $@ embedded_schema_sql data/schema.sql embedded_vocab_txt data/vocab.txt \
	  embedded_indicators_csv data/indicators.csv

# ---- objects --------------------------------------------------------------------------
$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

$(GEN)/%.o: $(GEN)/%.c
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

# Core objects may include generated headers; make sure they exist first.
$(CORE_OBJ) $(LOADER_OBJ) $(TUI_OBJ): | $(GEN)/fold_table.c $(GEN)/embedded.c

$(LIB): $(CORE_OBJ) $(LOADER_OBJ) $(filter-out $(TUI_MAIN),$(TUI_OBJ))
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(TUI_MAIN) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(TUI_MAIN) $(LIB) $(PKG_LIBS) -lm

# ---- tests ----------------------------------------------------------------------------
$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(TEST_CFLAGS) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(LIB) \
	  $(LDFLAGS_ALL) $(PKG_LIBS) $(TEST_LIBS) -lm

$(BUILD)/tests/vtrun: $(wildcard tests/tools/*.c) tests/tools/vt.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(TEST_CFLAGS) $(CFLAGS_ALL) -o $@ $(filter %.c,$^) $(LDFLAGS_ALL) $(TEST_LIBS) -lutil

# The benchmark programs (bench/): gencorpus is bench/gencorpus.c + bench/gen_*.c, benchq is
# bench/benchq.c + bench/bq_*.c; their objects are compiled by the $(BUILD)/%.o rule.
GENCORPUS_OBJ := $(patsubst %.c,$(BUILD)/%.o,bench/gencorpus.c bench/rng.c $(wildcard bench/gen_*.c))
BENCHQ_OBJ := $(patsubst %.c,$(BUILD)/%.o,bench/benchq.c $(wildcard bench/bq_*.c))

$(GENCORPUS_OBJ) $(BENCHQ_OBJ): | $(GEN)/fold_table.c $(GEN)/embedded.c

$(BUILD)/bench/gencorpus: $(GENCORPUS_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(GENCORPUS_OBJ) $(LIB) $(PKG_LIBS) -lm

$(BUILD)/bench/benchq: $(BENCHQ_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(BENCHQ_OBJ) $(LIB) $(PKG_LIBS) -lm

# The organisation-check benchmark (bench/orgs.sh): genorgs is bench/genorgs.c +
# bench/go_*.c, orgbench is bench/orgbench.c + bench/ob_*.c.
GENORGS_OBJ := $(patsubst %.c,$(BUILD)/%.o,bench/genorgs.c bench/rng.c $(wildcard bench/go_*.c))
ORGBENCH_OBJ := $(patsubst %.c,$(BUILD)/%.o,bench/orgbench.c bench/latency.c $(wildcard bench/ob_*.c))

$(GENORGS_OBJ) $(ORGBENCH_OBJ): | $(GEN)/fold_table.c $(GEN)/embedded.c

$(BUILD)/bench/genorgs: $(GENORGS_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(GENORGS_OBJ) $(LIB) $(PKG_LIBS) -lm

$(BUILD)/bench/orgbench: $(ORGBENCH_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(ORGBENCH_OBJ) $(LIB) $(PKG_LIBS) -lm

# The place look-up benchmark (bench/places.sh): placebench is bench/placebench.c +
# bench/pb_*.c (+ bench/rng.c, the seeded draw of the queries; bench/latency.c, shared with
# orgbench).
PLACEBENCH_OBJ := $(patsubst %.c,$(BUILD)/%.o,bench/placebench.c bench/rng.c bench/latency.c $(wildcard bench/pb_*.c))

$(PLACEBENCH_OBJ): | $(GEN)/fold_table.c $(GEN)/embedded.c

$(BUILD)/bench/placebench: $(PLACEBENCH_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(PLACEBENCH_OBJ) $(LIB) $(PKG_LIBS) -lm

# The relief-statistics benchmark (bench/stats.sh): genstats is bench/genstats.c (+ rng.c),
# statbench is bench/statbench.c + bench/sb_*.c (+ latency.c).
GENSTATS_OBJ := $(patsubst %.c,$(BUILD)/%.o,bench/genstats.c bench/rng.c)
STATBENCH_OBJ := $(patsubst %.c,$(BUILD)/%.o,bench/statbench.c bench/rng.c bench/latency.c $(wildcard bench/sb_*.c))

$(GENSTATS_OBJ) $(STATBENCH_OBJ): | $(GEN)/fold_table.c $(GEN)/embedded.c

$(BUILD)/bench/genstats: $(GENSTATS_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(GENSTATS_OBJ) $(LIB) $(PKG_LIBS) -lm

$(BUILD)/bench/statbench: $(STATBENCH_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(STATBENCH_OBJ) $(LIB) $(PKG_LIBS) -lm

# The hotline routing benchmark (bench/hotlines.sh): hotbench is bench/hotbench.c (+ rng.c,
# latency.c).
HOTBENCH_OBJ := $(patsubst %.c,$(BUILD)/%.o,bench/hotbench.c bench/rng.c bench/latency.c)

$(HOTBENCH_OBJ): | $(GEN)/fold_table.c $(GEN)/embedded.c

$(BUILD)/bench/hotbench: $(HOTBENCH_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(HOTBENCH_OBJ) $(LIB) $(PKG_LIBS) -lm

test: deps
	@$(MAKE) --no-print-directory test-only

test-only: $(BIN) $(UNIT_BIN) $(BUILD)/tests/vtrun
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$${TERM:-xterm-256color} TZ=UTC \
	  tests/run.sh $(BUILD)

asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan SAN=1 test-only

# The console monkey test (tests/console/monkey.t.sh, docs/testing.md "Monkey test") alone,
# built with ASan/UBSan, for longer runs by hand: MONKEY_EVENTS random events for each seed
# of MONKEY_SEEDS on MONKEY_DBS (real: tests/real/*.ini over ../shared; demo).
MONKEY_EVENTS ?= 10000
MONKEY_SEEDS ?= 1 2
MONKEY_DBS ?= real
MONKEY_BUILD ?= build-asan

monkey: deps
	@$(MAKE) --no-print-directory BUILD=$(MONKEY_BUILD) SAN=1 $(MONKEY_BUILD)/gongkai \
	  $(MONKEY_BUILD)/tests/vtrun
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$${TERM:-xterm-256color} TZ=UTC \
	  MONKEY_EVENTS="$(MONKEY_EVENTS)" MONKEY_SEEDS="$(MONKEY_SEEDS)" MONKEY_DBS="$(MONKEY_DBS)" \
	  tests/run.sh $(MONKEY_BUILD) monkey

bench: deps
	@$(MAKE) --no-print-directory $(BIN) $(BUILD)/bench/gencorpus $(BUILD)/bench/benchq \
	  $(BUILD)/tests/vtrun $(BUILD)/bench/genorgs $(BUILD)/bench/orgbench \
	  $(BUILD)/bench/placebench $(BUILD)/bench/genstats $(BUILD)/bench/statbench \
	  $(BUILD)/bench/hotbench
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/run.sh $(BUILD)
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/console.sh $(BUILD)
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/orgs.sh $(BUILD)
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/places.sh $(BUILD)
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/stats.sh $(BUILD)
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/hotlines.sh $(BUILD)
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/packages.sh $(BUILD)

# Only the organisation check (bench/orgs.sh): BENCH_ORGS, BENCH_LISTINGS, BENCH_SEED,
# BENCH_ORG_QUERIES, BENCH_ORG_REPS, BENCH_ORG_BASE_REPS, GONGKAI (docs/benchmarks.md).
bench-orgs: deps
	@$(MAKE) --no-print-directory $(BIN) $(BUILD)/bench/genorgs $(BUILD)/bench/orgbench
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/orgs.sh $(BUILD)

# Only the place look-up (bench/places.sh) on ../shared/corpus/places, when present:
# BENCH_PLACE_REPS, BENCH_PLACE_BASE_REPS, BENCH_PLACE_QUERIES, BENCH_SEED, GONGKAI.
bench-places: deps
	@$(MAKE) --no-print-directory $(BIN) $(BUILD)/bench/placebench
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/places.sh $(BUILD)

# Only relief statistics (bench/stats.sh): about 1.2 million generated values, regions from
# ../shared/corpus/places/nbs-2023 when present: BENCH_STATS_REPS, BENCH_STATS_PROVINCES,
# BENCH_STATS_NBS, BENCH_SEED, GONGKAI (docs/benchmarks.md).
bench-stats: deps
	@$(MAKE) --no-print-directory $(BIN) $(BUILD)/bench/genstats $(BUILD)/bench/statbench
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/stats.sh $(BUILD)

# Only hotline routing (bench/hotlines.sh) on ../shared/corpus (NBS divisions and the relief
# stations), when present: BENCH_HOT_N, BENCH_SEED, GONGKAI.
bench-hotlines: deps
	@$(MAKE) --no-print-directory $(BIN) $(BUILD)/bench/hotbench
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/hotlines.sh $(BUILD)

# Only signed packages (bench/packages.sh): verifying and installing a 100 MB package
# against sha256sum and cp: BENCH_PKG_MB, BENCH_PKG_REPS, GONGKAI.
bench-packages: deps
	@$(MAKE) --no-print-directory $(BIN)
	@LANG=C.UTF-8 LC_ALL=C.UTF-8 bench/packages.sh $(BUILD)

# ---- fuzzing (docs/testing.md "Fuzzing") -----------------------------------------------
# `make fuzz` builds the library and the libFuzzer harnesses tests/fuzz/fuzz_NAME.c with
# clang into build-fuzz (library objects -fsanitize=fuzzer-no-link,address,undefined, the
# harness link -fsanitize=fuzzer) and runs each for FUZZ_RUNS executions or FUZZ_TIME
# seconds; FUZZ_NAMES picks harnesses. `make fuzz-regress` replays the kept inputs
# (tests/fuzz/regress.t.sh, also part of `make test`) against $(BUILD) without libFuzzer.
FUZZ_NAMES ?= csv manifest reg_parse textenc hours phone divcode uscc query stat statcat isodate \
              package
FUZZ_RUNS ?= 1000000
FUZZ_TIME ?=
FUZZ_BUILD := build-fuzz
FUZZ_OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
            -fno-sanitize-recover=undefined

fuzz:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang OPT="$(FUZZ_OPT)" fuzz-bins
	@FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_TIME=$(FUZZ_TIME) tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_NAMES)

fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Itests/fuzz -fsanitize=fuzzer,address,undefined \
	  -o $@ $< $(LIB) -pthread $(PKG_LIBS) -lm

fuzz-regress: $(LIB)
	@GONGKAI_ROOT=$(CURDIR) GONGKAI_BUILD=$(CURDIR)/$(BUILD) GONGKAI_TMP=$(CURDIR)/$(BUILD)/tests/tmp \
	  sh tests/fuzz/regress.t.sh

# ---- run ------------------------------------------------------------------------------
DEMO_DB := $(BUILD)/demo.db

run: deps
	@$(MAKE) --no-print-directory $(BIN)
	$(BIN) load --db $(DEMO_DB) data/demo
	$(BIN) --db $(DEMO_DB)

# ---- install --------------------------------------------------------------------------
install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/gongkai/demo $(DESTDIR)$(PREFIX)/share/doc/gongkai
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/gongkai
	install -m 644 docs/gongkai.1 $(DESTDIR)$(PREFIX)/share/man/man1/gongkai.1
	cp -R data/demo/. $(DESTDIR)$(PREFIX)/share/gongkai/demo/
	install -m 644 config.ini $(DESTDIR)$(PREFIX)/share/doc/gongkai/config.ini.example

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/gongkai $(DESTDIR)$(PREFIX)/share/man/man1/gongkai.1
	rm -rf $(DESTDIR)$(PREFIX)/share/gongkai $(DESTDIR)$(PREFIX)/share/doc/gongkai

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
