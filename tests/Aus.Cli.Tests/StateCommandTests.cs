using System.Diagnostics;
using System.Text.Json.Nodes;
using Aus.Storage;
using Aus.TestKit;

namespace Aus.Cli.Tests;

/// <summary><c>aus state export</c> / <c>aus state import</c> on a SQLite file, through the real command line.</summary>
public sealed class StateCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "aus-state-cli-" + Guid.NewGuid().ToString("N"));

    public StateCommandTests() => Directory.CreateDirectory(directory);

    private string StatePath => Path.Combine(directory, "state.db");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("2021-08-29 18:00:00")]
    [InlineData("2021-08-29T18:00:00")]
    [InlineData("2021-08-29T18:00:00Z")]
    [InlineData("2021-08-29T18:00:00+00:00")]
    [InlineData("2021-08-29T20:00:00+02:00")]
    public async Task Import_EveryCheckInSpellingOfTheReference_ExportsAsUtcWithOffset(string checkIn)
    {
        const string versions = """{"4.15.11": {"workloads": {"w": {"soak_days": 1.5, "reporting": ["c1"]}}}}""";
        var file = Write("old.json", $"{{\"check_in\": \"{checkIn}\", \"versions\": {versions}}}");

        (await Run("state", "import", file, "--org", "org-a", "--state", StatePath)).Code.ShouldBe(0);
        var export = await Run("state", "export", "--org", "org-a", "--state", StatePath);

        export.Code.ShouldBe(0);
        JsonNode.Parse(export.Out)!["check_in"]!.GetValue<string>().ShouldBe("2021-08-29T18:00:00+00:00");
    }

    [Fact]
    public async Task ExportOfOneOrganization_IsTheDocumentThatWasImported()
    {
        var example = await File.ReadAllTextAsync(RepositoryPaths.Example("sectors-history.json"));
        var file = Write("history.json", example);

        (await Run("state", "import", file, "--org", "org-a", "--state", StatePath)).Code.ShouldBe(0);
        var export = await Run("state", "export", "--org", "org-a", "--state", StatePath);

        export.Err.ShouldBeEmpty();
        JsonNode.DeepEquals(JsonNode.Parse(export.Out), JsonNode.Parse(example)).ShouldBeTrue(export.Out);
    }

    [Fact]
    public async Task ExportOfEveryOrganization_IsKeyedByOrganizationAndRoundTrips()
    {
        const string keyed = """
            {
              "org-a": {"check_in": "2026-11-20T10:00:00+00:00", "versions": {"4.15.11": {"workloads": {"w": {"soak_days": 2.5, "reporting": ["c1"]}}}}},
              "org-a/addon-x": {"check_in": "2026-11-20T10:00:00.123456+00:00", "versions": {"1.2.3": {"workloads": {"w": {"soak_days": 1, "reporting": []}}}}},
              "org-b": {"versions": {}, "stats": {"min_version": "4.15.11", "min_version_per_workload": {"w": "4.15.11"}}}
            }
            """;
        var file = Write("all.json", keyed);

        var import = await Run("state", "import", file, "--state", StatePath);
        var export = await Run("state", "export", "--state", StatePath);

        import.Out.ShouldBe($"imported 3 histories into {StatePath} (environment production){Environment.NewLine}");
        export.Code.ShouldBe(0);
        JsonNode.DeepEquals(JsonNode.Parse(export.Out), JsonNode.Parse(keyed)).ShouldBeTrue(export.Out);
    }

    [Fact]
    public async Task ImportWithOrg_FromAKeyedDocument_ImportsThatOrganizationOnly()
    {
        var file = Write("all.json", """{"org-a": {"versions": {}}, "org-b": {"versions": {}}}""");

        (await Run("state", "import", file, "--org", "org-b", "--state", StatePath)).Code.ShouldBe(0);

        JsonNode.Parse((await Run("state", "export", "--state", StatePath)).Out)!.AsObject().Select(p => p.Key).ShouldBe(["org-b"]);
    }

    [Fact]
    public async Task Environments_AreExportedAndImportedSeparately()
    {
        var file = Write("one.json", """{"versions": {}}""");

        (await Run("state", "import", file, "--org", "org-a", "--env", "stage", "--state", StatePath)).Code.ShouldBe(0);

        JsonNode.Parse((await Run("state", "export", "--state", StatePath)).Out)!.AsObject().Count.ShouldBe(0);
        JsonNode.Parse((await Run("state", "export", "--env", "stage", "--state", StatePath)).Out)!.AsObject().Select(p => p.Key).ShouldBe(["org-a"]);
    }

    [Fact]
    public async Task Import_SingleDocumentWithoutOrg_IsAUsageErrorAndWritesNothing()
    {
        var file = Write("one.json", """{"check_in": "2026-11-20T10:00:00+00:00", "versions": {}}""");

        var result = await Run("state", "import", file, "--state", StatePath);

        result.Code.ShouldBe(2);
        result.Err.ShouldContain("say whose with --org ORGID");
        File.Exists(StatePath).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_AnyInvalidHistory_ReportsEveryErrorAndWritesNone()
    {
        var file = Write("mixed.json", """
            {"org-good": {"versions": {}},
             "org-bad": {"check_in": "yesterday", "versions": {"4.15.11": {"workloads": {"w": {"soak_days": -1}}}}}}
            """);

        var result = await Run("state", "import", file, "--state", StatePath);

        result.Code.ShouldBe(1);
        result.Err.ShouldContain($"{file}: error: $[\"org-bad\"].check_in: expected a time");
        result.Err.ShouldContain($"{file}: error: $[\"org-bad\"].versions[\"4.15.11\"].workloads[\"w\"].soak_days: expected a number >= 0");
        File.Exists(StatePath).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_NotJson_IsInvalidInput()
    {
        var file = Write("broken.json", "{\"versions\": ");

        var result = await Run("state", "import", file, "--org", "org-a", "--state", StatePath);

        result.Code.ShouldBe(1);
        result.Err.ShouldStartWith($"{file}: error: line 1: invalid JSON");
    }

    [Fact]
    public async Task Import_MissingFile_IsUnreadableInput()
    {
        var result = await Run("state", "import", Path.Combine(directory, "missing.json"), "--org", "org-a", "--state", StatePath);

        result.Code.ShouldBe(2);
        result.Err.ShouldStartWith("aus: error: cannot read");
    }

    [Fact]
    public async Task Export_OrganizationWithoutHistory_Fails()
    {
        (await Run("state", "import", Write("other.json", """{"versions": {}}"""), "--org", "org-y", "--state", StatePath)).Code.ShouldBe(0);

        var result = await Run("state", "export", "--org", "org-z", "--state", StatePath);

        result.Code.ShouldBe(1);
        result.Err.ShouldBe($"aus: error: {StatePath} holds no history for production/org-z{Environment.NewLine}");
    }

    [Fact]
    public async Task Export_FromAStateFileThatDoesNotExist_FailsNamingItAndCreatesNoFile()
    {
        var result = await Run("state", "export", "--state", StatePath);

        // A mistyped --state is not an empty store: printing {} would look like every soak was lost.
        result.Code.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Err.ShouldStartWith("aus: error: ");
        result.Err.ShouldContain($"the state file {StatePath} does not exist");
        File.Exists(StatePath).ShouldBeFalse();
    }

    [Fact]
    public async Task State_WithAPasswordOnTheCommandLine_IsRefused()
    {
        var result = await Run("state", "export", "--state", "postgresql://aus:secret@127.0.0.1/aus");

        result.Code.ShouldBe(2);
        result.Err.ShouldContain("a password does not go on the command line");
        result.Err.ShouldNotContain("secret");
    }

    [Fact]
    public async Task Import_WhileAnotherProcessServesTheFile_IsRefusedNamingIt()
    {
        var file = Write("one.json", """{"versions": {}}""");
        await using var serving = await StateStore.OpenAsync(StatePath, new StateStoreOptions { ExclusiveProcess = true });

        // A child process, as an operator would run it beside a serving aus.
        var aus = Path.Combine(AppContext.BaseDirectory, "aus.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])[aus, "state", "import", file, "--org", "org-a", "--state", StatePath])
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        child.StandardInput.Close();
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        await stdout;

        child.ExitCode.ShouldBe(1);
        stderr.ShouldStartWith($"aus: error: another aus process is serving with state file {StatePath} (pid {Environment.ProcessId})");
        (await serving.ListHistoriesAsync()).ShouldBeEmpty();
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AusCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
