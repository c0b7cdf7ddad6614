#!/usr/bin/env bash
# Builds Syndic and runs the whole test suite. Non-zero on any failure.
#   scripts/test.sh                     # everything
#   scripts/test.sh --filter Dedup      # a subset (swift test --filter); skips the browser check
#   scripts/test.sh --sanitize address  # under a sanitizer (address or thread), in its own scratch path
#                                       # (.build-asan / .build-tsan) so the normal .build is not clobbered
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# newsboat, for the test that imports Syndic's OPML export with `newsboat -i` (OPMLCLITests); the test
# says SKIPPED when it cannot be installed, so a machine without apt or network still runs the rest.
if ! command -v newsboat >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo -n); fi
    echo "test.sh: installing newsboat (apt-get)" >&2
    { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends newsboat; } >/dev/null 2>&1 \
        || echo "test.sh: newsboat could not be installed; the newsboat import test will be skipped" >&2
fi

args=()
build_args=()
browser_check=1
sanitizer=""
while (($#)); do
    case "$1" in
        --sanitize)
            case "${2:-}" in
                address) scratch=.build-asan ;;
                thread) scratch=.build-tsan ;;
                *) echo "--sanitize takes address or thread" >&2; exit 64 ;;
            esac
            build_args+=(--sanitize "$2" --scratch-path "$scratch")
            # Read by tests whose time or memory bounds must be scaled for a sanitizer's slowdown
            # (never loosened for normal runs).
            export SYNDIC_SANITIZER="$2"
            sanitizer="$2"
            args+=(--sanitize "$2" --scratch-path "$scratch")
            browser_check=0
            shift 2 ;;
        --filter) args+=(--filter "$2"); browser_check=0; shift 2 ;;
        *) args+=("$1"); shift ;;
    esac
done

export PATH="/opt/swift/usr/bin:$PATH"
# No test may ask the system resolver about a name outside the machine (issue 15 item 6): names a test
# fetches are mapped to loopback (SYNDIC_RESOLVE=host:port:127.0.0.1, libcurl CURLOPT_RESOLVE), and every
# other name is refused before any lookup (IP literals and localhost aside). See docs/FETCH.md.
export SYNDIC_RESOLVE_ONLY=1
# LeakSanitizer is on; the toolchain's own leaks (XCTest, Foundation.Process) are suppressed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0}"
swift build --build-tests ${build_args[@]+"${build_args[@]}"}
log=$(mktemp)
reports=""
# A PostgreSQL server of its own for the PostgreSQL tests (scripts/pg-server.sh: Debian's postgresql,
# installed when missing; initdb in a temp dir as a non-root user, a free loopback port, fsync off),
# unless SYNDIC_TEST_POSTGRES_URL already names one. The tests fail, not skip, when it cannot be reached.
pg_dir=""
trap 'rm -f "$log"; if [ -n "$reports" ]; then rm -rf "$reports"; fi; if [ -n "$pg_dir" ]; then scripts/pg-server.sh stop "$pg_dir"; fi' EXIT
if [ -z "${SYNDIC_TEST_POSTGRES_URL:-}" ]; then
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/syndic-test-pg.XXXXXX")
    SYNDIC_TEST_POSTGRES_URL=$(scripts/pg-server.sh start "$pg_dir")
    export SYNDIC_TEST_POSTGRES_URL
    echo "test.sh: PostgreSQL for the tests at $SYNDIC_TEST_POSTGRES_URL" >&2
fi
if [ -n "$sanitizer" ]; then
    # Every sanitized process writes its reports to a file here: the test runner and the syndic and
    # SyndicFuzz children the tests start, whose stderr a test may only capture. Any report fails the run.
    reports=$(mktemp -d)
    export ASAN_OPTIONS="$ASAN_OPTIONS:log_path=$reports/asan"
    export TSAN_OPTIONS="$TSAN_OPTIONS:log_path=$reports/tsan"
fi
status=0
swift test --skip-build ${args[@]+"${args[@]}"} 2>&1 | tee "$log" || status=$?
if [ -n "$reports" ] && [ -n "$(ls -A "$reports")" ]; then
    cat "$reports"/* >&2
    echo "test.sh: $(ls "$reports" | wc -l) sanitizer report file(s) above (name.PID: the test runner or a process it started)" >&2
    exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
# One plain closing line with the counts (XCTest reports 0 tests: the suite is Swift Testing).
passed=$(sed -n 's/.*Test run with \([0-9][0-9]*\) tests\{0,1\} .* passed after.*/\1/p' "$log" | tail -n 1)
total=$(sed -n 's/.*Test run with \([0-9][0-9]*\) tests\{0,1\} .*/\1/p' "$log" | tail -n 1)
if [ -z "$passed" ]; then
    echo "test.sh: the test run did not pass (see above)" >&2
    exit 1
fi

# The web view in a real browser: every page opened in headless Chromium, no console error allowed.
if [ "$browser_check" -eq 1 ]; then
    scripts/browser-check.sh
fi

echo "tests: ${passed} passed, $(( ${total:-$passed} - passed )) failed"
