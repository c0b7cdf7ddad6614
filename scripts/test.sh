#!/usr/bin/env bash
# Builds Syndic and runs the whole test suite. Non-zero on any failure.
#   scripts/test.sh                     # everything
#   scripts/test.sh --filter Dedup      # a subset (swift test --filter)
#   scripts/test.sh --sanitize address  # under a sanitizer (address or thread)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

args=()
build_args=()
while (($#)); do
    case "$1" in
        --sanitize) build_args+=(--sanitize "$2"); args+=(--sanitize "$2"); shift 2 ;;
        --filter) args+=(--filter "$2"); shift 2 ;;
        *) args+=("$1"); shift ;;
    esac
done

export PATH="/opt/swift/usr/bin:$PATH"
swift build --build-tests "${build_args[@]}"
swift test --skip-build "${args[@]}"
