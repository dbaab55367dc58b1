namespace Aus.Cli.Tests.Service;

/// <summary>`aus serve --dry-run` creates nothing: not even the SQLite state file when there is none yet.</summary>
public sealed class ServeDryRunTests
{
    [Fact]
    public async Task ServeDryRun_WithAStoreThatDoesNotExistYet_PassesAndCreatesNoStateFile()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var state = Path.Combine(bed.Directory, "state", "never.db");
        var settingsFile = Path.Combine(bed.Directory, "aus.yaml");
        await File.WriteAllTextAsync(settingsFile, $"""
            policies: [orgs]
            state: {state}
            interval: 100ms
            listen: 127.0.0.1:0
            dryRun: true
            """);
        var environment = new Dictionary<string, string>
        {
            ["OCM_URL"] = bed.Simulator.BaseUrl.ToString(),
            ["OCM_TOKEN_URL"] = bed.Simulator.TokenUrl.ToString(),
            ["OCM_CLIENT_ID"] = bed.Simulator.ClientId,
            ["OCM_CLIENT_SECRET"] = bed.Simulator.ClientSecret,
            ["AUS_SETTINGS"] = string.Empty,
            ["AUS_STATE"] = string.Empty,
        };

        using (var serve = ServeProcess.Start(settingsFile, environment))
        {
            await serve.WaitForPassesAsync(2);
            (await serve.TerminateAsync()).ShouldBe(0);
        }

        File.Exists(state).ShouldBeFalse();
        Directory.Exists(Path.GetDirectoryName(state)).ShouldBeFalse();
    }
}
