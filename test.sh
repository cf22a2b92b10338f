#!/usr/bin/env bash
# The single entry point for every test. On a fresh machine it installs what the tests need
# (idempotently), builds once, runs every test project (in two lanes side by side), and ends with one line:
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

fail_setup() {
  echo "$1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

# --- tools ---------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  fail_setup "The .NET 10 SDK is missing: install it (https://dot.net, or 'apt-get install dotnet-sdk-10.0' from Microsoft's Debian feed), then run ./test.sh again."
fi
if ! dotnet --list-sdks | grep -q '^10\.'; then
  fail_setup "The .NET 10 SDK is missing (found: $(dotnet --list-sdks | tr '\n' ' ')). Install .NET SDK 10.0.x, then run ./test.sh again."
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Tools the deployment tests use for real (promtool, Alertmanager, clang and zlib, Chromium, helm, Node.js and the
# npm packages), installed by eng/install-tools.sh, which skips each one that is already there. A test whose tool is
# still missing fails and says how to get it.
tools="$PWD/.tools"
mkdir -p "$tools/bin"
export WATCHER_TOOLS_DIR="$tools/bin"
export PATH="$tools/bin:$PATH"
bash eng/install-tools.sh --log-dir "$results" all || true

# --- build once ----------------------------------------------------------------------------
if ! dotnet build Watcher.sln -c Release -nologo -clp:ErrorsOnly > "$results/build.log" 2>&1; then
  cat "$results/build.log"
  fail_setup "The build failed (log above)."
fi

# --- test ----------------------------------------------------------------------------------
# Two lanes side by side, each running its projects one after another: the tests that time themselves or weigh
# their own heap (Watcher.Tests' concurrency and slow-reader tests, the soak) in one, at normal priority; the rest,
# which mostly wait on processes, sockets and a real Prometheus, in the other, at a lower priority, so that they
# take only the CPU the first lane leaves. No project shares a port (each binds port 0 or asks for a free one)
# or a process with another. Each writes its own log; the logs are shown in order once both lanes are done.
timing_sensitive=(Watcher.Tests Watcher.Soak.Tests)
all_projects=()
others=()
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  all_projects+=("$name")
  [[ " ${timing_sensitive[*]} " == *" $name "* ]] || others+=("$name")
done

run_lane() {
  local priority=$1 name
  shift
  for name in "$@"; do
    nice -n "$priority" dotnet test "tests/$name/$name.csproj" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
      < /dev/null > "$results/$name.log" 2>&1
    echo $? > "$results/$name.exitcode"
  done
}

run_lane 0 "${timing_sensitive[@]}" &
first_lane=$!
run_lane 10 "${others[@]}" &
second_lane=$!
wait "$first_lane" "$second_lane"

status=0
for name in "${all_projects[@]}"; do
  code=$(cat "$results/$name.exitcode" 2>/dev/null || echo 1)
  [ "$code" -eq 0 ] || status=$code
  # Show failures in full, and each project's summary.
  awk '/^[[:space:]]*Failed [A-Za-z]/{show=1} /^[[:space:]]*Passed [A-Za-z]/{show=0} show' "$results/$name.log" | head -300 || true
  grep -E 'Total tests|Passed!|Failed!' "$results/$name.log" | sed "s|^|$name: |" || true
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
done

projects=$(ls tests/*/*.Tests.csproj | wc -l)
reports=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$reports" -lt "$projects" ]; then
  echo "Only $reports of $projects test projects produced results; see the logs in $results." >&2
    failed=$((failed + projects - reports))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited $status without a failed test; see the logs in $results." >&2
    failed=1
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
