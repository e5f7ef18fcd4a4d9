#!/usr/bin/env bash
# Profiles a JavaScript program under MVM with `perf record -g` and prints
# the hottest functions, JIT-compiled JS functions named "js:NAME FILE:LINE"
# through the perf map MVM writes (/tmp/perf-PID.map).
#
#   perf/profile.sh program.js [--top N] [-- extra mvm run options]
#
# MVM=path/to/mvm picks the binary (default: this checkout's release build).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
mvm="${MVM:-$here/../.build/release/mvm}"
top=25
program=""
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --top) top="$2"; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) program="$1"; shift ;;
    esac
done
if [ -z "$program" ]; then echo "usage: perf/profile.sh program.js [--top N] [-- mvm options]" >&2; exit 2; fi
if [ ! -r "$program" ]; then echo "perf/profile.sh: cannot read '$program'" >&2; exit 2; fi
if [ ! -x "$mvm" ]; then echo "perf/profile.sh: no mvm at $mvm (run: swift build -c release, or set MVM=)" >&2; exit 2; fi
if ! command -v perf >/dev/null; then echo "perf/profile.sh: perf is not installed (Debian: linux-perf)" >&2; exit 2; fi

data="$(mktemp /tmp/mvm-perf.XXXXXX.data)"
trap 'rm -f "$data"' EXIT
# cpu-clock works where hardware counters are not available (VMs, containers).
perf record -q -e cpu-clock -g -o "$data" -- "$mvm" run --perf-map ${extra[@]+"${extra[@]}"} "$program" >/dev/null
echo "hottest functions (self time), JS functions as js:NAME FILE:LINE:"
# Swift's own symbols read better demangled, when the toolchain is there.
demangle=(cat)
if command -v swift-demangle >/dev/null; then demangle=(swift-demangle --simplified)
elif command -v swift >/dev/null && swift demangle --help >/dev/null 2>&1; then demangle=(swift demangle --simplified); fi
perf report -i "$data" --no-children --stdio --sort dso,sym 2>/dev/null \
    | grep -E '^ +[0-9.]+%' | head -n "$top" | "${demangle[@]}"
