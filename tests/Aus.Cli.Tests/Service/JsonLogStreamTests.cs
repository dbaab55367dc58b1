using System.Text.Json;
using System.Text.RegularExpressions;
using Aus.TestKit;

namespace Aus.Cli.Tests.Service;

/// <summary>
/// With stderr not a terminal, `aus run` and `aus serve` write one JSON object per line and nothing
/// else: the start-up line is a record too, each message is written once (no copy of it in State,
/// no template), each action has one record, and timestamps are clean RFC 3339 UTC.
/// </summary>
public sealed partial class JsonLogStreamTests
{
    [Fact]
    public async Task Serve_EveryLineIsJson_EachActionLoggedOnce_StartUpIsARecord()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgB);
        var settingsFile = Path.Combine(bed.Directory, "aus.yaml");
        await File.WriteAllTextAsync(settingsFile, $"""
            policies: [orgs]
            state: {bed.StateFile}
            interval: 100ms
            listen: 127.0.0.1:0
            """);

        IReadOnlyList<string> lines;
        using (var serve = ServeProcess.Start(settingsFile, Environment(bed)))
        {
            await serve.WaitForPassesAsync(2);
            (await serve.TerminateAsync()).ShouldBe(0);
            lines = serve.StderrLines;
        }

        var records = lines.Select(Parse).ToList();
        records.ShouldContain(r => r.Message.Contains("org-1.yaml:6:31: error: ", StringComparison.Ordinal) && r.Level == "Error", "the start-up diagnostics are records too");
        records.ShouldContain(r => r.Message.StartsWith("aus: serving 2 organizations every 100ms", StringComparison.Ordinal));
        records.Count(r => Regex.IsMatch(r.Message, @"^organization org-a cluster a-1 \(\S+\): create-upgrade-policy Applied ")).ShouldBe(1, string.Join('\n', lines));
        records.Count(r => Regex.IsMatch(r.Message, @"^organization org-a cluster a-2 \(\S+\): create-upgrade-policy Applied ")).ShouldBe(1);
        records.ShouldNotContain(r => r.Message.Contains("on cluster a-1", StringComparison.Ordinal), "the OCM adapter's own record of the action is Debug");
        records.Count(r => r.Message.StartsWith("organization org-b cluster b-1 (", StringComparison.Ordinal) && r.Level == "Error").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Run_EveryLineIsJson_AndEachActionIsReportedOnce()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA, ServiceTestBed.OrgB);

        var (exitCode, stdout, stderr) = await ChildProcess.RunAusAsync(
            ["run", "--config", bed.PoliciesDirectory, "--state", bed.StateFile, "--clock", "ocm-sim"], Environment(bed).ToDictionary(e => e.Key, string? (e) => e.Value));

        exitCode.ShouldBe(ExitCodes.Invalid, "org-b is invalid");
        var records = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        records.ShouldNotBeEmpty("org-b's validation errors are logged");
        records.ShouldAllBe(r => r.Level == "Error" || r.Level == "Warning");
        Regex.Count(stdout, "applied: create cluster upgrade policy for a-1 ").ShouldBe(1);
        Regex.Count(stdout, "applied: create cluster upgrade policy for a-2 ").ShouldBe(1);
    }

    private static Dictionary<string, string> Environment(ServiceTestBed bed) => new()
    {
        ["OCM_URL"] = bed.Simulator.BaseUrl.ToString(),
        ["OCM_TOKEN_URL"] = bed.Simulator.TokenUrl.ToString(),
        ["OCM_CLIENT_ID"] = bed.Simulator.ClientId,
        ["OCM_CLIENT_SECRET"] = bed.Simulator.ClientSecret,
        ["AUS_SETTINGS"] = string.Empty,
        ["AUS_STATE"] = string.Empty,
    };

    /// <summary>One stderr line as a log record; fails unless it is a JSON object of the documented shape.</summary>
    private static (string Message, string Level) Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new ShouldAssertException($"not a JSON log record: {line} ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            root.ValueKind.ShouldBe(JsonValueKind.Object, line);
            Timestamp().IsMatch(root.GetProperty("Timestamp").GetString()!).ShouldBeTrue(line);
            var message = root.GetProperty("Message").GetString()!;
            if (root.TryGetProperty("State", out var state))
            {
                state.TryGetProperty("Message", out _).ShouldBeFalse($"the message is written once: {line}");
                state.TryGetProperty("{OriginalFormat}", out _).ShouldBeFalse($"no template: {line}");
            }

            return (message, root.GetProperty("LogLevel").GetString()!);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Timestamp();
}
