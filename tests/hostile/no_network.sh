#!/usr/bin/env bash
# No network, ever, and no file written but the reports asked for: runs
# `analyzer scan` (JSON and HTML reports), `analyzer records` and
# `analyzer rules test` under strace, following children and threads, and
# fails if
#   - any network system call was made: socket() of any family, a Unix-domain
#     one (nscd, syslog, D-Bus) included, connect, bind, send, receive;
#   - any file was opened for writing, created, renamed or removed other
#     than the --json and --html files.
# Exits 77 (skipped) when strace is absent or cannot trace here.
#   no_network.sh ANALYZER_BIN BUNDLE
set -u
analyzer="$1"
bundle="$2"
command -v strace >/dev/null || { echo "strace not installed: skipped (apt-get install strace)"; exit 77; }
work="$(mktemp -d "${TMPDIR:-/tmp}/analyzer-nonet-XXXXXX")"
trap 'rm -rf "$work"' EXIT
if ! strace -f -qq -o /dev/null true 2>"$work/probe"; then
  echo "strace cannot trace in this environment: skipped ($(head -c 200 "$work/probe"))"
  exit 77
fi
status=0
# Runs the command twice (ptrace cannot nest): once tracing network calls,
# once tracing the calls that create, open for writing or remove files.
traced() {
  local out="$1"; shift
  (cd "$work" && HOME="$work" TMPDIR="$work" strace -f -qq -e signal=none -o "$out" "$@" \
     >"$out.stdout" 2>"$out.stderr")
}
run() {
  local name="$1"; shift
  traced "$work/$name.net" -e trace=network "$@"
  local rc=$?
  traced "$work/$name.files" \
    -e trace=open,openat,openat2,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,link,linkat,symlink,symlinkat,truncate \
    "$@"
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "$name: analyzer exited $rc"; cat "$work/$name.net.stderr"; status=1
  fi
  if [ -s "$work/$name.net" ]; then
    echo "$name: network system calls were made:"; cat "$work/$name.net"; status=1
  else
    echo "$name: no network system call"
  fi
  local writes
  writes=$(grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(|rename|unlink|mkdir|link\(|linkat|symlink|truncate' "$work/$name.files" \
           | grep -v -e "\"$work/r.json\"" -e "\"$work/r.html\"" || true)
  if [ -n "$writes" ]; then
    echo "$name: files written other than the reports:"; echo "$writes"; status=1
  else
    echo "$name: nothing written but the reports"
  fi
}
# The trace options go before the command: traced OUT OPTIONS... COMMAND...
run scan "$analyzer" scan "$bundle" --json "$work/r.json" --html "$work/r.html" --assume-tz Europe/Paris
run records "$analyzer" records "$bundle"
run rules "$analyzer" rules test
exit $status
