# syntax=docker/dockerfile:1
# Watcher: WorkMail mailbox export jobs as Prometheus metrics.
# Build: docker build -t watcher .   Run: docker run -p 9464:9464 -e AWS_REGION=eu-west-1 -e Watcher__Jobs__0__OrganizationId=... watcher

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore in its own layer: only the build and project files, so a source change keeps the cache.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Watcher/Watcher.csproj src/Watcher/
COPY src/Watcher.WorkMail/Watcher.WorkMail.csproj src/Watcher.WorkMail/
COPY src/Watcher.Simulator/Watcher.Simulator.csproj src/Watcher.Simulator/
RUN dotnet restore src/Watcher/Watcher.csproj

COPY appsettings.json ./
COPY src/ src/
RUN dotnet publish src/Watcher/Watcher.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
LABEL org.opencontainers.image.title="watcher" \
      org.opencontainers.image.description="Amazon WorkMail mailbox export jobs as Prometheus metrics" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /app
COPY --from=build /app ./
# Chiseled images run as $APP_UID (non-root) already; say so for scanners and PodSecurity.
USER $APP_UID
ENV DOTNET_gcServer=0
EXPOSE 9464
ENTRYPOINT ["dotnet", "/app/watcher.dll"]
