#!/usr/bin/env bash
# A self-contained, single-file aus for linux-x64: it needs no .NET where it runs.
# Usage: scripts/publish-linux-x64.sh [OUTPUT_DIR]   (default: artifacts/linux-x64)
# The output holds `aus` and `libe_sqlite3.so` (SQLite's native library, loaded from beside `aus`);
# copy both. Restoring needs the .NET runtime packs (and the ReadyToRun compiler, crossgen2) for
# linux-x64 from NuGet the first time. aus's code is compiled ReadyToRun: Aus.Cli.csproj turns it on
# for any build with a runtime identifier, as here. The SDK would make a single file's ReadyToRun
# code one composite image with the whole .NET runtime, which compiles the framework again (many
# minutes on two cores); aus's assemblies alone are compiled instead, the framework's own
# precompiled code is kept. Add -p:PublishReadyToRunComposite=true to the command to try the composite.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/linux-x64}"
# Intermediate files go to a directory of their own, so the publish never disturbs the clone's
# bin/ and obj/ (a runtime-specific restore would otherwise rewrite every project.assets.json).
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
dotnet publish src/Aus.Cli -c Release -r linux-x64 --self-contained --artifacts-path "$build" \
  -p:PublishSingleFile=true -p:PublishReadyToRunComposite=false -p:DebugType=none -o "$out"
echo "$out/aus"
