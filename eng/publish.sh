#!/usr/bin/env sh
# The one place that says how Watcher is published. The Dockerfile runs it, and so does the test that
# stands in for a container build (tests/Watcher.Deploy.Tests/Container), so the two cannot drift apart.
# Usage: eng/publish.sh OUTPUT_DIR [extra dotnet publish arguments, e.g. --no-restore]
set -eu
out="$1"
shift
cd "$(dirname "$0")/.."
exec dotnet publish src/Watcher/Watcher.csproj \
  --configuration Release \
  --output "$out" \
  -p:UseAppHost=false \
  -p:DebugType=none \
  -p:GenerateDocumentationFile=false \
  -p:IsTransformWebConfigDisabled=true \
  "$@"
