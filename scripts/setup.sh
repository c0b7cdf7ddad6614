#!/usr/bin/env bash
# Installs what Syndic needs to build on Debian/Ubuntu, and checks the Swift toolchain.
# Idempotent: packages already present are not touched. Uses sudo when not root.
set -euo pipefail

need=(libcurl4-openssl-dev libxml2-dev pkg-config python3)
for extra in "$@"; do need+=("$extra"); done

missing=()
for pkg in "${need[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]})); then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq >&2
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if ! command -v swift >/dev/null 2>&1; then
    for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
        [ -x "$candidate/swift" ] && export PATH="$candidate:$PATH"
    done
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "setup: no Swift toolchain found; install Swift 6.0 or newer from swift.org and put it on PATH" >&2
    exit 1
fi
version=$(swift --version 2>&1 | sed -n 's/.*Swift version \([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p' | head -n1)
major=${version%% *}
if [ -z "$major" ] || [ "$major" -lt 6 ]; then
    echo "setup: Swift 6.0 or newer is needed (found: $(swift --version 2>&1 | head -n1)); install a newer toolchain from swift.org" >&2
    exit 1
fi
