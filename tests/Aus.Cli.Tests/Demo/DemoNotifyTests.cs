using Aus.Cli.Tests.Notifications;

namespace Aus.Cli.Tests.Demo;

/// <summary>`aus demo --notify-url`: the demo's rollout posted to a webhook as CloudEvents.</summary>
public sealed class DemoNotifyTests
{
    private static readonly string[] Clusters = ["stage-1", "stage-2", "prod-1", "prod-2", "prod-3", "prod-4"];

    [Fact]
    public async Task TheRollout_IsPosted_EachClusterScheduledStartedAndCompleted_Once()
    {
        await using var receiver = new CloudEventReceiver();

        var run = await CliRun.RunAsync("demo", "--speed", "0", "--plain", "--notify-url", receiver.Url.ToString());

        run.ExitCode.ShouldBe(0, run.Stderr);
        var events = receiver.Events;
        events.Select(e => e.Id).ShouldBeUnique();

        // The last upgrade completes after the last pass; the demo takes one more look, so its completion is posted too.
        foreach (var type in (string[])["aus.upgrade-scheduled", "aus.upgrade-started", "aus.upgrade-completed"])
        {
            events.Where(e => e.Type == type && e.Version == "4.16.10").Select(e => e.Subject).ShouldBe(Clusters, ignoreOrder: true, type);
        }

        run.Stderr.ShouldContain($"aus: posted {events.Count} notifications to {receiver.Url}");
    }

    [Fact]
    public async Task ANotifyUrlThatIsNotHttp_IsAUsageError()
    {
        var run = await CliRun.RunAsync("demo", "--notify-url", "ftp://hooks.example/aus");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("aus: error: --notify-url 'ftp://hooks.example/aus' is not an http or https URL");
    }
}
