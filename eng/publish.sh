#!/usr/bin/env sh
# The one place that says how Watcher is published: Native AOT, one self-contained executable for this machine's
# architecture. The Dockerfile runs it, and so does the test that stands in for a container build
# (tests/Watcher.Deploy.Tests/Container), so the two cannot drift apart.
# Usage: eng/publish.sh OUTPUT_DIR [extra dotnet publish arguments, e.g. --no-restore]
#        eng/publish.sh --rid    prints the runtime identifier it publishes for
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
  -p:DebugType=none \
  -p:StripSymbols=true \
  -p:PublishDocumentationFile=false \
  -p:PublishReferencesDocumentationFiles=false \
  -p:IsTransformWebConfigDisabled=true \
  "$@"
