#!/bin/bash
# Renders HTML reports with the built analyzer and checks them in headless
# Chromium: no network request, no console error, no injected script run,
# verdicts and timeline present with JavaScript on and off; screenshots
# (light, dark, JavaScript off, print) and PDFs land in OUT_DIR/screenshots.
#
#   tests/html/browser_check.sh ANALYZER SAMPLES_DIR OUT_DIR
#
# Reports: mixed.zip and healthy.zip in English and French, and a directory
# made here whose log lines and file names carry an XSS payload next to a
# real failure. Exit status: 0 pass, 1 fail, 77 skipped (no Chromium at
# $CHROMIUM, default /usr/bin/chromium, or no node).
set -u

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then echo "SKIP: $CHROMIUM not found"; exit 77; fi
if ! command -v node >/dev/null; then echo "SKIP: node not found"; exit 77; fi
if [ $# -ne 3 ]; then echo "usage: $0 ANALYZER SAMPLES_DIR OUT_DIR" >&2; exit 2; fi

analyzer=$1 samples=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

payload='<script>alert(1)</script><img src=x onerror=alert(2)>'

# A bundle directory whose log text and member names try to inject markup.
# The payload holds a '/', so as a path it spans a directory and a file.
make_xss_tree() {
  local host="$1/AzureBridge/AzS-XRP01"
  mkdir -p "$host/<script>alert(1)<"
  cat >"$host/x.log" <<EOF
2026-11-18T07:00:00.0000000Z Information [UsageBridge.Heartbeat] Heartbeat: service "UsageBridge" state Ready
2026-11-18T07:01:00.0000000Z Warning [UsageBridge.Upload] $payload
2026-11-18T07:01:18.3780000Z Error [UsageBridge.Upload] Usage upload failed for batch b-1 to https://westeurope.usage.microsoftazurestack.com/usage/v1/batches (attempt 1 of 3): System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> System.Net.WebException: The remote name could not be resolved: 'westeurope.usage.microsoftazurestack.com' $payload
2026-11-18T07:05:18.3780000Z Error [UsageBridge.Upload] Usage upload failed for batch b-1 to https://westeurope.usage.microsoftazurestack.com/usage/v1/batches (attempt 2 of 3): System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> System.Net.WebException: The remote name could not be resolved: 'westeurope.usage.microsoftazurestack.com'
2026-11-18T07:09:00.0000000Z Information [UsageBridge.Heartbeat] "'><svg onload=alert(3)>
2026-11-18T07:30:00.0000000Z Information [UsageBridge.Heartbeat] Heartbeat: service "UsageBridge" state Ready
EOF
  cp "$host/x.log" "$host/<script>alert(1)</script><img src=x onerror=alert(2)>.log"
  cp "$host/x.log" "$host/\"'><img src=x onerror=alert(4)>.log"
  printf 'MZ\001\002binary' >"$host/<iframe src=x>.etl"
}
make_xss_tree "$work/xss"

render() {  # name input lang
  "$analyzer" scan "$2" --lang "$3" --html "$out/$1.html" --quiet || fail "analyzer exited $? on $2"
  [ -s "$out/$1.html" ] || fail "no report for $1"
}
render mixed "$samples/mixed.zip" en
render mixed-fr "$samples/mixed.zip" fr
render healthy "$samples/healthy.zip" en
render healthy-fr "$samples/healthy.zip" fr
render xss "$work/xss" en
render xss-fr "$work/xss" fr

# Same input, same bytes.
"$analyzer" scan "$samples/mixed.zip" --html "$work/again.html" --quiet
cmp -s "$out/mixed.html" "$work/again.html" || fail "two renderings of mixed.zip differ"

# A first, independent look with --dump-dom: the DOM after the page's own
# script ran, as the browser serializes it.
for name in mixed healthy xss xss-fr; do
  dom="$work/$name.dom"
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$work")" \
    --dump-dom "file://$out/$name.html" >"$dom" 2>"$work/$name.stderr" || fail "--dump-dom failed on $name"
  grep -q 'data-integrity="intact"' "$dom" || fail "$name: the page's script did not mark the page intact"
  grep -q 'id="verdicts"' "$dom" || fail "$name: no verdicts section"
  grep -q '<svg class="tl"' "$dom" || fail "$name: no timeline SVG"
  grep -qiE '<(img|iframe)[ >]' "$dom" && fail "$name: an injected element reached the DOM"
  [ "$(grep -o '<script' "$dom" | wc -l)" -eq 1 ] || fail "$name: more than the page's own script"
done
for name in xss xss-fr; do
  grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;' "$work/$name.dom" ||
    fail "$name: the payload is not shown as text"
done

node "$here/browser_check.mjs" --chromium "$CHROMIUM" --out "$out/screenshots" \
  "mixed=$out/mixed.html" "mixed-fr=$out/mixed-fr.html" "healthy=$out/healthy.html" \
  "healthy-fr=$out/healthy-fr.html" "xss=$out/xss.html,xss" "xss-fr=$out/xss-fr.html,xss" || failed=1

for f in "$out"/*.html; do echo "$(wc -c <"$f") bytes  $f"; done
exit $failed
