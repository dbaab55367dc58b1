# aus as a container: `docker build -t aus .` from the repository root.
# The image runs as a non-root user and writes nothing to its root file system, so it runs with
# readOnlyRootFilesystem (deploy/deployment.yaml mounts an emptyDir at /tmp for .NET's scratch files).
#
# Base images are pinned by full version, so that a rebuild of the same commit gets the same
# compiler and runtime. To bump them (docs/operations.md, "Container image"): pick the new .NET
# patch release, set the SDK tag and the ASP.NET runtime tag of that release below (same runtime
# patch in both), build, run the tests, and commit. To pin by digest as well, append the digest
# that `docker buildx imagetools inspect mcr.microsoft.com/dotnet/aspnet:TAG` prints
# (`aspnet:TAG@sha256:...`).

FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
# The architecture of the image being built (BuildKit sets it: amd64, arm64); aus is compiled
# ReadyToRun for it, which needs a runtime identifier from restore on.
ARG TARGETARCH
WORKDIR /source
# Restore first, from the project files alone, so that a code change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Aus.Domain/Aus.Domain.csproj src/Aus.Domain/
COPY src/Aus.Application/Aus.Application.csproj src/Aus.Application/
COPY src/Aus.Policies/Aus.Policies.csproj src/Aus.Policies/
COPY src/Aus.Ocm/Aus.Ocm.csproj src/Aus.Ocm/
COPY src/Aus.Integrations/Aus.Integrations.csproj src/Aus.Integrations/
COPY src/Aus.Storage/Aus.Storage.csproj src/Aus.Storage/
COPY src/Aus.Simulator/Aus.Simulator.csproj src/Aus.Simulator/
COPY src/Aus.Cli/Aus.Cli.csproj src/Aus.Cli/
RUN dotnet restore src/Aus.Cli/Aus.Cli.csproj -a $TARGETARCH
COPY src/ src/
# The demo's built-in example is embedded from examples/.
COPY examples/ examples/
# Framework-dependent (the runtime image has .NET) and ReadyToRun (Aus.Cli.csproj turns it on
# whenever a runtime identifier is given): start-up does not wait for the JIT.
RUN dotnet publish src/Aus.Cli/Aus.Cli.csproj -c Release --no-restore -a $TARGETARCH --self-contained false -o /app -p:DebugType=none

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
WORKDIR /app
COPY --from=build /app ./
# No diagnostics IPC socket and no writable home needed: the root file system can stay read-only.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    AUS_LISTEN=0.0.0.0:9090
# The .NET images' unprivileged "app" user.
USER 1654:1654
EXPOSE 9090
ENTRYPOINT ["/app/aus"]
CMD ["serve", "--config", "/etc/aus/policies"]
