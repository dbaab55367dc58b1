using System.Text.Json;
using Aus.Storage;

namespace Aus.Cli.Tests;

/// <summary><c>aus audit</c>: the store's audit log, filtered, as a table or JSON, through the real command line.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private static readonly DateTimeOffset Recent = DateTimeOffset.UtcNow.AddHours(-2);
    private static readonly DateTimeOffset Old = DateTimeOffset.UtcNow.AddDays(-3);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "aus-audit-cli-" + Guid.NewGuid().ToString("N"));

    public AuditCommandTests() => Directory.CreateDirectory(directory);

    private string StatePath => Path.Combine(directory, "state.db");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Json_ListsEveryRecordOldestFirst()
    {
        await SeedAsync();

        var run = await CliRun.RunAsync("audit", "--state", StatePath, "--output", "json");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
        var records = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();
        records.Select(r => r.GetProperty("cluster").GetString()).ShouldBe(["prod-1", "prod-2", "stage-1"]);
        records[1].GetProperty("result").GetString().ShouldBe("failed");
        records[1].GetProperty("reason").GetString().ShouldBe("OCM answered 503");
        records[0].GetProperty("operationId").GetString().ShouldBe("op-1");
    }

    [Fact]
    public async Task Filters_ByOrganizationClusterAndSince()
    {
        await SeedAsync();

        async Task<string[]> Clusters(params string[] filter)
        {
            var run = await CliRun.RunAsync(["audit", "--state", StatePath, "-o", "json", .. filter]);
            run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
            return [.. JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().Select(r => r.GetProperty("cluster").GetString()!)];
        }

        (await Clusters("--org", "org-b")).ShouldBe(["stage-1"]);
        (await Clusters("--cluster", "prod-2")).ShouldBe(["prod-2"]);
        (await Clusters("--since", "24h")).ShouldBe(["prod-2", "stage-1"]);
        (await Clusters("--since", Recent.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(["prod-2", "stage-1"]);
    }

    [Fact]
    public async Task Table_HasAHeaderAndOneLinePerRecord()
    {
        await SeedAsync();

        var run = await CliRun.RunAsync("audit", "--state", StatePath);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines[0].ShouldStartWith("TIME");
        lines[2].ShouldContain("prod-2");
        lines[2].ShouldContain("failed");
        lines.ShouldAllBe(l => l == l.TrimEnd());
    }

    [Fact]
    public async Task AMissingStateFile_HasNoRecordsAndIsNotCreated()
    {
        var run = await CliRun.RunAsync("audit", "--state", StatePath);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Stderr);
        run.Stdout.ShouldBe("No audit records.\n");
        File.Exists(StatePath).ShouldBeFalse();
    }

    [Fact]
    public async Task ABadSince_IsAUsageError()
    {
        var run = await CliRun.RunAsync("audit", "--state", StatePath, "--since", "yesterday");

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Stderr.ShouldContain("--since 'yesterday' is neither an RFC 3339 time");
    }

    private async Task SeedAsync()
    {
        await using var store = await StateStore.OpenAsync(StateLocation.TryParse(StatePath, out var location, out _) ? location! : throw new InvalidOperationException());
        await store.AppendAuditAsync(
        [
            new AuditRecord(Old, new("production"), new("org-a"), "prod-1", "create-upgrade-policy", "4.16.9", "scheduled", AuditResult.Succeeded, "op-1"),
            new AuditRecord(Recent, new("production"), new("org-a"), "prod-2", "create-upgrade-policy", "4.16.9", "OCM answered 503", AuditResult.Failed, null),
            new AuditRecord(Recent.AddMinutes(1), new("production"), new("org-b"), "stage-1", "agree-version-gate", "4.17", "version-gate", AuditResult.Refused, null),
        ]);
    }
}
