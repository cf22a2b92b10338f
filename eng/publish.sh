#!/usr/bin/env sh
# The one place that says how Watcher is published: Native AOT, one self-contained executable for this machine's
# architecture. The Dockerfile runs it, and so does the test that stands in for a container build
# (tests/Watcher.Deploy.Tests/Container), so the two cannot drift apart.
# Usage: eng/publish.sh OUTPUT_DIR [--version VERSION] [--revision REVISION] [extra dotnet publish arguments, e.g. --no-restore]
#        eng/publish.sh --rid    prints the runtime identifier it publishes for
# VERSION (1.2.3 or 1.2.3-rc.1) and REVISION (a commit) are stamped into the executable, where watcher --version and
# watcher_build_info read them. Empty or left out: version 1.0.0, and the revision of the git checkout when there is one
# (the SDK's source control query), else "unknown".
set -eu
case "$(uname -m)" in
  x86_64|amd64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) echo "eng/publish.sh: no Native AOT runtime for $(uname -m)" >&2; exit 1 ;;
esac
if [ "${1:-}" = "--rid" ]; then
  echo "$rid"
  exit 0
fi
out="$1"
shift

# add_property NAME VALUE PATTERN WHAT: stamps -p:NAME=VALUE unless VALUE is empty; a malformed VALUE stops here.
properties=""
add_property() {
  [ -n "$2" ] || return 0
  if ! printf '%s' "$2" | grep -Eq "$3"; then
    echo "eng/publish.sh: '$2' is not $4" >&2
    exit 1
  fi
  properties="$properties -p:$1=$2"
}
while [ $# -ge 2 ]; do
  case "$1" in
    # No build metadata: the SDK puts the revision after a '+', and BuildInfo splits there.
    --version) add_property Version "$2" '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$' "a version: MAJOR.MINOR.PATCH[-PRERELEASE]" ;;
    --revision) add_property SourceRevisionId "$2" '^[0-9A-Za-z._-]+$' "a revision: a commit id" ;;
    *) break ;;
  esac
  shift 2
done
cd "$(dirname "$0")/.."

# Native AOT links with clang; Debian installs it as clang-NN when only a versioned package is there.
linker=""
if ! command -v clang >/dev/null 2>&1; then
  for candidate in clang-19 clang-18 clang-17 clang-16 clang-15 clang-14; do
    if command -v "$candidate" >/dev/null 2>&1; then
      linker="-p:CppCompilerAndLinker=$candidate"
      break
    fi
  done
  if [ -z "$linker" ]; then
    echo "eng/publish.sh: Native AOT needs clang: apt-get install clang (or your distribution's clang package)" >&2
    exit 1
  fi
fi

exec dotnet publish src/Watcher/Watcher.csproj \
  --configuration Release \
  --runtime "$rid" \
  --output "$out" \
  -p:PublishAot=true \
  $linker \
  $properties \
  -p:DebugType=none \
  -p:StripSymbols=true \
  -p:PublishDocumentationFile=false \
  -p:PublishReferencesDocumentationFiles=false \
  -p:IsTransformWebConfigDisabled=true \
  "$@"
