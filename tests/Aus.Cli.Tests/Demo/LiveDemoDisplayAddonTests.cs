using Aus.Application.Rollout;
using Aus.Cli.Demo;
using Aus.Domain.Planning;
using Spectre.Console;

namespace Aus.Cli.Tests.Demo;

/// <summary>The live view with add-ons: a table of the clusters' add-ons with the add-on policy OCM holds, and the add-on summary at the end.</summary>
public sealed class LiveDemoDisplayAddonTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T11:55:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheLiveView_ShowsEachAddonWithItsPolicyAndDecision_AndTheSummaryWhenItReachedTheCluster()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var display = new LiveDemoDisplay(console);

        await display.StartAsync(Introduction(), CancellationToken.None);
        await display.ShowPassAsync(Pass(), CancellationToken.None);
        await display.FinishAsync(Result(), CancellationToken.None);

        var text = writer.ToString();
        text.ShouldContain("OCM publishes the add-on versions addon-logging 5.8.3");
        text.ShouldContain("add-on policy");
        text.ShouldContain("5.8.3 (started)");
        text.ShouldContain("5.8.1 → 5.8.3");
        text.ShouldContain("soak of add-on addon-logging 5.8.3 for my-service");
        text.ShouldContain("stage-1: add-on addon-logging upgrade to 5.8.3 completed");
        text.ShouldContain("Add-on addon-logging 5.8.3: every cluster runs it");
        text.ShouldContain("2026-11-23 13:31");
    }

    private static DemoIntroduction Introduction() => new()
    {
        OcmUrl = "http://127.0.0.1:1",
        StatePath = "state.db",
        Release = "4.16.10",
        Channels = ["stable-4.16"],
        Start = Start,
        PassInterval = TimeSpan.FromHours(1),
        Speed = 0,
        Days = 30,
        AddonVersions = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("addon-logging", "5.8.3"),
        AddonVersionsPublished = true,
    };

    private static DemoPass Pass() => new()
    {
        Number = 2,
        Now = Start.AddHours(1),
        Elapsed = TimeSpan.FromHours(1),
        Addons =
        [
            new DemoAddonState
            {
                Cluster = "stage-1",
                Addon = "addon-logging",
                Sector = "stage",
                Version = "5.8.1",
                Decision = Decision.Skip,
                Reason = Reason.UpgradeInProgress,
                Detail = "add-on addon-logging: upgrade policy aup-1 to 5.8.3 exists in OCM",
                Upgrading = "5.8.3",
                Policy = "5.8.3 (started)",
            },
        ],
        AddonSoak = [new AddonSoak("addon-logging", "5.8.3", "my-service", 0.5)],
        Transitions = [new Aus.Simulator.SimEvent(Start.AddMinutes(96), "c1", "stage-1", "aup-1", "addon", null, "5.8.3", "completed") { AddonId = "addon-logging" }],
    };

    private static DemoResult Result() => new()
    {
        Release = "4.16.10",
        Start = Start,
        End = Start.AddHours(2),
        Passes = 2,
        Converged = true,
        Addons =
        [
            new DemoAddonSummary { Cluster = "stage-1", Addon = "addon-logging", Sector = "stage", FromVersion = "5.8.1", TargetVersion = "5.8.3", StartedAt = Start.AddMinutes(6), ReachedAt = Start.AddMinutes(96) },
        ],
    };
}
