#!/usr/bin/env bash
# Builds syndic in release mode and installs it with its man page and shell completions:
#   scripts/install.sh [--prefix /usr/local] [--bin PATH]
#   PREFIX/bin/syndic                                   the program (on the PATH for /usr/local)
#   PREFIX/share/man/man1/syndic.1                      `man syndic`, generated from the command tree
#   PREFIX/share/bash-completion/completions/syndic     bash completion
#   PREFIX/share/zsh/site-functions/_syndic             zsh completion
#   PREFIX/share/fish/vendor_completions.d/syndic.fish  fish completion
# --bin installs an existing binary instead of building one. Run it again to upgrade.
set -euo pipefail
source "$(dirname "$0")/schedule-lib.sh"
prefix=/usr/local
bin=""
while (($#)); do
    case "$1" in
        --prefix|--bin)
            [ $# -ge 2 ] && [ -n "$2" ] || fail 64 "$1 needs a value (see --help)"
            case "$1" in --prefix) prefix=$2 ;; --bin) bin=$2 ;; esac
            shift 2 ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail 64 "unknown option $1 (see --help)" ;;
    esac
done
if [ -z "$bin" ]; then
    here=$(cd "$(dirname "$0")/.." && pwd)
    echo "building syndic (release; the first build takes several minutes)…"
    (cd "$here" && swift build -c release --product syndic) || fail 70 "the release build failed (see above)"
    bin="$here/.build/release/syndic"
fi
[ -x "$bin" ] || fail 66 "--bin $bin is not an executable file"
mkdir -p "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
         "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d" \
    || fail 73 "cannot create folders under $prefix; run with sudo, or choose --prefix ~/.local"
# Through a temporary name and a rename, so a running syndic is never overwritten in place.
install -m 755 "$bin" "$prefix/bin/.syndic.new" && mv -f "$prefix/bin/.syndic.new" "$prefix/bin/syndic" \
    || fail 73 "cannot write $prefix/bin/syndic"
syndic="$prefix/bin/syndic"
"$syndic" generate-manual > "$prefix/share/man/man1/syndic.1"
"$syndic" --generate-completion-script bash > "$prefix/share/bash-completion/completions/syndic"
"$syndic" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_syndic"
"$syndic" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/syndic.fish"
echo "installed $syndic ($("$syndic" --version)), its man page and bash, zsh and fish completions under $prefix"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "note: $prefix/bin is not on your PATH; add it (export PATH=\"$prefix/bin:\$PATH\")" ;; esac
