using System.Text.Json;
using Aus.Application.Views;
using Aus.Cli.Output;

namespace Aus.Cli.Tests.Output;

/// <summary>The dashboard's JSON (/api/fleet, /api/passes): camelCase names, kebab-case enum values, absent values left out.</summary>
public sealed class DashboardJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fleet_NamesFieldsInCamelCaseAndStatesInKebabCase()
    {
        var cluster = new ClusterView
        {
            Name = "<prod-1>",
            Decision = "skip",
            Reason = "not-in-ocm",
            Detail = "OCM has no ready cluster named <prod-1>",
            Status = ClusterStatus.Attention,
            Candidates = [new CandidateView("4.16.9", CandidateState.LongUpgrade, 7, [new WorkloadSoakView("wl", 7, 7)]) { StartedHoursAgo = 7.5 }],
        };
        var view = new FleetView(Now, [new EnvironmentView("production", [new OrganizationView { OrgId = "o", Name = "org", Clusters = [cluster] }])]);

        using var json = JsonDocument.Parse(DashboardJson.Fleet(view));

        var written = json.RootElement.GetProperty("environments")[0].GetProperty("organizations")[0].GetProperty("clusters")[0];
        written.GetProperty("name").GetString().ShouldBe("<prod-1>");
        written.GetProperty("status").GetString().ShouldBe("attention");
        written.TryGetProperty("version", out _).ShouldBeFalse("a cluster OCM does not know has no version");
        var candidate = written.GetProperty("candidates")[0];
        candidate.GetProperty("state").GetString().ShouldBe("long-upgrade");
        candidate.GetProperty("startedHoursAgo").GetDouble().ShouldBe(7.5);
        candidate.GetProperty("workloads")[0].GetProperty("neededDays").GetInt32().ShouldBe(7);
    }

    [Fact]
    public void Passes_AreAnArrayNewestFirstAsGiven()
    {
        var passes = DashboardJson.Passes([new PassView(Now, TimeSpan.FromSeconds(1), 2, 3, 1) { Errors = ["org (o): boom"] }, new PassView(Now.AddHours(-1), TimeSpan.Zero, 2, 0, 0)]);

        using var json = JsonDocument.Parse(passes);
        json.RootElement.GetArrayLength().ShouldBe(2);
        json.RootElement[0].GetProperty("failedActions").GetInt32().ShouldBe(1);
        json.RootElement[0].GetProperty("errors")[0].GetString().ShouldBe("org (o): boom");
        json.RootElement[1].GetProperty("time").GetDateTimeOffset().ShouldBe(Now.AddHours(-1));
    }
}
