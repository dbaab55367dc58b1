using System.Text.Json.Nodes;
using Aus.Storage;
using Aus.Storage.Controls;

namespace Aus.Cli.Tests;

/// <summary><c>aus pause</c>, <c>resume</c>, <c>approve</c> and <c>controls</c> on a SQLite file, through the real command line.</summary>
public sealed class ControlsCommandsTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "aus-controls-cli-" + Guid.NewGuid().ToString("N"));

    public ControlsCommandsTests() => Directory.CreateDirectory(directory);

    private string StatePath => Path.Combine(directory, "state.db");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--state", StatePath]);

    private async Task<StoredControls> StoredAsync()
    {
        await using var store = await StateStore.OpenAsync(StatePath);
        return await StateStore.Controls(store).GetControlsAsync();
    }

    [Fact]
    public async Task Pause_OfASector_IsStoredWithTheUserAndReason()
    {
        var run = await Run("pause", "--org", "org-a", "--sector", "prod", "--reason", "bad release", "--until", "2099-01-01T00:00:00Z");

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldBe("paused: sector prod of organization org-a (production) until 2099-01-01T00:00:00Z: bad release\n");
        var pause = (await StoredAsync()).Pauses.ShouldHaveSingleItem();
        pause.Target.ShouldBe("prod");
        pause.Reason.ShouldBe("bad release");
        pause.PausedBy.ShouldBe(Environment.UserName);
    }

    [Fact]
    public async Task Pause_WithoutScope_PausesTheOrganization_AndResumeLiftsIt()
    {
        (await Run("pause", "--org", "org-a")).ExitCode.ShouldBe(0);

        var resume = await Run("resume", "--org", "org-a");

        resume.Stdout.ShouldBe("resumed: organization org-a (production)\n");
        (await StoredAsync()).Pauses.ShouldBeEmpty();
    }

    [Fact]
    public async Task Resume_OfNothingInForce_SaysSo()
    {
        var run = await Run("resume", "--org", "org-a", "--version", "4.16.2");

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldBe("nothing to resume: no pause or halt of version 4.16.2 of organization org-a (production) is in force\n");
        File.Exists(StatePath).ShouldBeFalse("resuming nothing does not create a store");
    }

    [Fact]
    public async Task Approve_IsStoredWithItsNote_AndListed()
    {
        var approve = await Run("approve", "--org", "org-a", "--sector", "prod", "--version", "4.16.2", "--note", "canaries fine");
        var list = await Run("controls", "--output", "json");

        approve.Stdout.ShouldBe("approved: 4.16.2 for sector prod of organization org-a (production)\n");
        var approval = JsonNode.Parse(list.Stdout)!["approvals"]!.AsArray().ShouldHaveSingleItem()!;
        approval["sector"]!.GetValue<string>().ShouldBe("prod");
        approval["version"]!.GetValue<string>().ShouldBe("4.16.2");
        approval["note"]!.GetValue<string>().ShouldBe("canaries fine");
        approval["by"]!.GetValue<string>().ShouldBe(Environment.UserName);
    }

    [Fact]
    public async Task Controls_ListsWhatIsInForce_AsATable()
    {
        await Run("pause", "--org", "org-a", "--cluster", "prod-1", "--reason", "disk pressure");
        await Run("pause", "--org", "org-b", "--version", "4.16.3");

        var all = await Run("controls");
        var one = await Run("controls", "--org", "org-b");

        all.StderrLines.ShouldBeEmpty();
        all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        all.Stdout.ShouldContain("pause     org-a (production) cluster prod-1, by ");
        all.Stdout.ShouldContain(": disk pressure\n");
        one.Stdout.ShouldStartWith("pause     org-b (production) version 4.16.3, by ");
        one.Stdout.ShouldNotContain("org-a");
    }

    [Fact]
    public async Task Pause_WithCancelScheduled_IsStoredWithTheFlag_AndListedWithIt()
    {
        var pause = await Run("pause", "--org", "org-a", "--sector", "prod", "--cancel-scheduled", "--reason", "bad release");
        var table = await Run("controls");
        var json = await Run("controls", "--output", "json");

        pause.ExitCode.ShouldBe(0, pause.Stderr);
        pause.Stdout.ShouldBe("paused: sector prod of organization org-a (production), cancelling scheduled upgrades: bad release\n");
        (await StoredAsync()).Pauses.ShouldHaveSingleItem().CancelScheduled.ShouldBeTrue();
        table.Stdout.ShouldContain(", cancelling scheduled upgrades: bad release\n");
        JsonNode.Parse(json.Stdout)!["pauses"]![0]!["cancelScheduled"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Pause_WithoutCancelScheduled_KeepsPolicies()
    {
        await Run("pause", "--org", "org-a");
        var json = await Run("controls", "--output", "json");

        (await StoredAsync()).Pauses.ShouldHaveSingleItem().CancelScheduled.ShouldBeFalse();
        JsonNode.Parse(json.Stdout)!["pauses"]![0]!["cancelScheduled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Controls_OfAStoreThatDoesNotExist_AreNone()
    {
        var run = await Run("controls");

        run.Stdout.ShouldBe("no rollout controls in force\n");
        File.Exists(StatePath).ShouldBeFalse();
    }

    [Theory]
    [InlineData("give at most one of --sector, --cluster and --version", "--sector", "a", "--cluster", "b")]
    [InlineData("--until: 'tomorrow' is not an RFC 3339 time; expected a time such as 2026-11-23T13:00:00Z", "--until", "tomorrow")]
    [InlineData("--until: 2000-01-01T00:00:00Z has already passed", "--until", "2000-01-01T00:00:00Z")]
    public async Task Pause_WithBadOptions_IsAUsageError(string error, params string[] options)
    {
        var run = await Run(["pause", "--org", "org-a", .. options]);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldBe($"aus: error: {error}\n");
        File.Exists(StatePath).ShouldBeFalse();
    }

    [Fact]
    public async Task Pause_OfAVersionThatIsNoVersion_IsAUsageError()
    {
        var run = await Run("pause", "--org", "org-a", "--version", "latest");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldStartWith("aus: error: --version: ");
    }

    [Fact]
    public async Task Pause_WithoutOrg_IsAUsageError()
    {
        var run = await Run("pause", "--sector", "prod");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("--org");
    }

    [Fact]
    public async Task EveryChange_IsAudited()
    {
        await Run("pause", "--org", "org-a", "--sector", "prod", "--reason", "why");
        await Run("approve", "--org", "org-a", "--sector", "prod", "--version", "4.16.2");
        await Run("resume", "--org", "org-a", "--sector", "prod");

        await using var store = await StateStore.OpenAsync(StatePath);
        var audit = await store.QueryAuditAsync(new AuditQuery());
        audit.Select(a => a.Action).ShouldBe(["pause", "approve", "resume"]);
        audit[0].Reason.ShouldBe($"sector prod by {Environment.UserName}: why");
    }
}
