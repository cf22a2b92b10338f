# syntax=docker/dockerfile:1
# Watcher: Amazon WorkMail mailbox export jobs as Prometheus metrics.
#   docker build -t watcher --build-arg VERSION=1.2.3 --build-arg REVISION="$(git rev-parse HEAD)" .
#   docker run -p 9464:9464 -e AWS_REGION=eu-west-1 -e Watcher__Organizations__0__OrganizationId=m-... watcher

# Stamped into the executable (watcher --version, watcher_build_info) and the image's labels. The build context has
# no .git (.dockerignore), so without REVISION both say "unknown".
ARG VERSION=1.0.0
ARG REVISION=unknown

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Native AOT compiles and links with clang.
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore in its own layer from the build and project files only, so a source change keeps the cache.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Watcher/Watcher.csproj src/Watcher/
COPY src/Watcher.WorkMail/Watcher.WorkMail.csproj src/Watcher.WorkMail/
COPY src/Watcher.Simulator/Watcher.Simulator.csproj src/Watcher.Simulator/
COPY src/Directory.Build.props src/BannedSymbols.txt src/
COPY eng/ eng/
RUN dotnet restore src/Watcher/Watcher.csproj --runtime "$(sh eng/publish.sh --rid)" -p:PublishAot=true

COPY appsettings.json ./
COPY src/ src/
ARG VERSION
ARG REVISION
RUN sh eng/publish.sh /app --version "$VERSION" --revision "$REVISION" --no-restore

# Chiseled: no shell, no package manager, non-root by default. A Native AOT executable needs no .NET runtime.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled AS runtime
ARG VERSION
ARG REVISION
LABEL org.opencontainers.image.title="watcher" \
      org.opencontainers.image.description="Amazon WorkMail mailbox export jobs as Prometheus metrics" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/watcher-project/watcher" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /app
COPY --from=build /app ./
# Watcher writes to disk only its coverage store, and only where Watcher:Coverage:StorePath points (a volume), so it
# runs with a read-only root filesystem.
USER $APP_UID
ENV DOTNET_gcServer=0 \
    DOTNET_EnableDiagnostics=0
EXPOSE 9464
ENTRYPOINT ["/app/watcher"]
