#!/usr/bin/env bash
# Reconcile benchmark: N generated observations over 5 channels matched, checked by every rule and written to
# the SQLite history, in release mode. Prints seconds per stage and peak RSS. Usage: run.sh [observations]
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --static-swift-stdlib --product reconcile-bench >/dev/null
/usr/bin/time -f "wall %e s, CPU %U+%S s, max RSS %M KB" .build/release/reconcile-bench "${1:-1000000}"
