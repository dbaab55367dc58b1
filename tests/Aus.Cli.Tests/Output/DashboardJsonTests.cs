using System.Text.Json;
using Aus.Application.Forecast;
using Aus.Application.Views;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
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
        var view = new FleetView(Now, [new EnvironmentView("production", [new OrganizationView { OrgId = new("o"), Name = "org", Clusters = [cluster] }])]);

        using var json = JsonDocument.Parse(DashboardJson.Fleet(view));

        json.RootElement.GetProperty("environments")[0].GetProperty("organizations")[0].GetProperty("orgId").GetString().ShouldBe("o", "the organization id is written as its text");
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
    public void Fleet_WritesTheForecastTheControlsAndThePoliciesInProgressWithKebabCaseStates()
    {
        var organization = new OrganizationView
        {
            OrgId = new("o"),
            Name = "org",
            InProgress = [new UpgradePolicyView("c1", UpgradePolicyKind.NodePool, "4.16.9") { NodePool = "pool-1", State = UpgradePolicyState.Started, NextRun = Now.AddHours(-7), StartedHoursAgo = 7, Long = true }],
            Controls = new ControlsView
            {
                Pauses = [new PauseView(PauseScope.Sector, "prod", "incident", null, "alice", Now)],
                AwaitingApproval = [new ApprovalWaitView("prod", "4.16.9", ["c2"])],
                HaltedVersions = ["4.16.8"],
            },
            Forecast = new ForecastTimelineView
            {
                Release = "4.16.9",
                From = Now,
                Horizon = Now.AddDays(60),
                Reached = 1,
                Clusters = [new ForecastClusterView("c2", "prod", "4.16.8", ForecastOutcome.NotWithinHorizon, null, null, "awaiting-approval")],
            },
        };

        using var json = JsonDocument.Parse(DashboardJson.Fleet(new FleetView(Now, [new EnvironmentView("production", [organization])])));

        var written = json.RootElement.GetProperty("environments")[0].GetProperty("organizations")[0];
        var policy = written.GetProperty("inProgress")[0];
        (policy.GetProperty("kind").GetString(), policy.GetProperty("nodePool").GetString(), policy.GetProperty("state").GetString(), policy.GetProperty("long").GetBoolean())
            .ShouldBe(("node-pool", "pool-1", "started", true));
        var controls = written.GetProperty("controls");
        controls.GetProperty("pauses")[0].GetProperty("scope").GetString().ShouldBe("sector");
        controls.GetProperty("pauses")[0].GetProperty("by").GetString().ShouldBe("alice");
        controls.GetProperty("awaitingApproval")[0].GetProperty("version").GetString().ShouldBe("4.16.9");
        controls.GetProperty("haltedVersions")[0].GetString().ShouldBe("4.16.8");
        var cluster = written.GetProperty("forecast").GetProperty("clusters")[0];
        (cluster.GetProperty("outcome").GetString(), cluster.GetProperty("reason").GetString()).ShouldBe(("not-within-horizon", "awaiting-approval"));
        cluster.TryGetProperty("start", out _).ShouldBeFalse("a cluster not reached has no start");
        written.GetProperty("forecast").TryGetProperty("rolloutEnd", out _).ShouldBeFalse();
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
