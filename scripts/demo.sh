#!/usr/bin/env bash
# The demo: builds Syndic (release) and polls the bundled demo world in Feeds/ into a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product syndic
bin=.build/release/syndic
out=${SYNDIC_DEMO_DIR:-$PWD/out/demo}
rm -rf "$out" && mkdir -p "$out"
export SYNDIC_DB="$out/syndic.sqlite"
"$bin" feeds import Feeds/demo.opml
"$bin" feeds list
