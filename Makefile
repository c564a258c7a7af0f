# omniaudit — the two set-up commands of the README:
#   make audit   installs missing system packages, builds in release mode, audits the demo shop (omniaudit.yml)
#   make test    installs what the tests need, runs swift test
#   make test-asan   the same tests under AddressSanitizer (run before each release; see README)
#   make bench   every benchmark in one run beside its peers (release build; Python peers in a venv under /tmp)
# System packages are installed with apt-get when run as root (checked first; nothing is installed twice).

BUILD_PACKAGES := pkg-config libxml2-dev libcurl4-openssl-dev zlib1g-dev libsqlite3-dev libgmime-3.0-dev
TEST_PACKAGES  := $(BUILD_PACKAGES) dovecot-imapd python3 python3-jsonschema openssl chromium fonts-dejavu-core
CONFIG ?= omniaudit.yml

.PHONY: audit test test-asan bench build deps deps-test clean

deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES)

deps-test:
	@scripts/install-deps.sh $(TEST_PACKAGES)

# The Swift runtime and Foundation are linked into the binary (--static-swift-stdlib): the command starts in
# about 13 ms instead of 21 (no symbol lookups across a dozen shared Swift libraries). The benchmark scripts build
# with the same flag, so they never rebuild the tree with other settings.
build: deps
	swift build -c release --static-swift-stdlib --product omniaudit

# Exits with omniaudit's own code: 0 pass, 1 findings at or above gate.fail-on, 2 incomplete, 78 bad config.
# (make itself reports a failing recipe as "Error N" with that code.)
audit: build
	.build/release/omniaudit audit --config $(CONFIG)

test: deps-test
	swift build --build-tests
	swift test --skip-build

# The whole test suite under AddressSanitizer (use-after-free, overflows across the libxml2/libcurl boundaries),
# in its own build folder so it never invalidates the normal one. Run it before each release (about 2 minutes
# more than make test); .ci/run runs exactly `make test`. Leak reports are off: at exit, LeakSanitizer lists XCTest's and the regex runtime's
# process-lifetime allocations, which are not errors of ours.
test-asan: deps-test
	swift build --build-tests --sanitize=address --scratch-path .build/asan
	ASAN_OPTIONS=detect_leaks=0 swift test --skip-build --sanitize=address --scratch-path .build/asan

# One table: extraction MB/s, price strings/s, crawl pages/s, reconcile observations/s and peak RSS, each beside
# its peer measured in the same run (Benchmarks/bench.sh; takes a few minutes; not a test).
bench: deps
	Benchmarks/bench.sh

clean:
	rm -rf .build reports/omniaudit.html reports/omniaudit.json
