# aus as a container: `docker build -t aus .` from the repository root.
# The image runs as a non-root user and writes nothing to its root file system, so it runs with
# readOnlyRootFilesystem (deploy/deployment.yaml mounts an emptyDir at /tmp for .NET's scratch files).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
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
RUN dotnet restore src/Aus.Cli/Aus.Cli.csproj
COPY src/ src/
# The demo's built-in example is embedded from examples/.
COPY examples/ examples/
RUN dotnet publish src/Aus.Cli/Aus.Cli.csproj -c Release --no-restore -o /app -p:DebugType=none

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
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
