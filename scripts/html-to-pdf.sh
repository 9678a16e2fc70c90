#!/usr/bin/env bash
# Prints an HTML report to PDF with headless Chromium (Debian package `chromium`).
# Usage: scripts/html-to-pdf.sh REPORT.html OUT.pdf
# Used by tests/report_browser.rs; also handy to check a report's print layout by hand.
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 REPORT.html OUT.pdf" >&2
    exit 2
fi
in="$(realpath "$1")"
out="$(realpath -m "$2")"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "$0: $chromium not found; install the Debian package chromium" >&2
    exit 3
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$out" "file://$in" >/dev/null 2>&1
test -s "$out"
