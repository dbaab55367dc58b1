using System.Collections.Immutable;
using Aus.Application.Forecast;
using Aus.Application.Views;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Cli.Output;

namespace Aus.Cli.Tests.Output;

/// <summary>The dashboard page: everything from policies and OCM is user input and is encoded.</summary>
public sealed class DashboardHtmlWriterTests
{
    private const string Script = "<script>alert('x')</script>";
    private const string Quotes = "a\"b'c&d";
    private static readonly string Long = "ö-名前-" + new string('x', 5000);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hostile_names_and_messages_are_encoded_everywhere()
    {
        var html = DashboardHtmlWriter.Write(HostileView());

        html.ShouldNotContain("<script");
        html.ShouldNotContain(Quotes);
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        html.ShouldContain("a&quot;b&#39;c&amp;d");
        html.ShouldContain(System.Net.WebUtility.HtmlEncode(Long));
    }

    [Fact]
    public void The_page_has_one_h1_captioned_tables_and_a_text_label_for_every_status()
    {
        var html = DashboardHtmlWriter.Write(HostileView());

        System.Text.RegularExpressions.Regex.Count(html, "<h1[ >]").ShouldBe(1);
        System.Text.RegularExpressions.Regex.Count(html, "<table>").ShouldBe(System.Text.RegularExpressions.Regex.Count(html, "<caption>"));
        html.ShouldContain("<span class=\"status status-attention\">attention</span>");
    }

    [Fact]
    public void The_file_needs_no_network_and_the_live_page_refreshes_without_script()
    {
        var file = DashboardHtmlWriter.Write(HostileView());
        var live = DashboardHtmlWriter.Write(HostileView(), refreshSeconds: 30);

        file.ShouldNotContain("http-equiv=\"refresh\"");
        live.ShouldContain("<meta http-equiv=\"refresh\" content=\"30\">");
        foreach (var page in new[] { file, live })
        {
            page.ShouldNotContain("<link");
            page.ShouldNotContain(" src=");
            page.ShouldNotContain("http://");
            page.ShouldNotContain("https://");
        }
    }

    [Fact]
    public void Sectors_are_listed_in_the_order_of_the_view()
    {
        var html = DashboardHtmlWriter.Write(HostileView());

        html.IndexOf("<strong>stage</strong>", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<strong>prod</strong>", StringComparison.Ordinal));
        html.ShouldContain("1 of 2 on 4.16.1");
    }

    [Fact]
    public void A_forecast_shows_only_when_the_view_has_one_with_a_bar_per_cluster_that_upgrades()
    {
        var view = HostileView();
        var forecast = new ForecastTimelineView
        {
            Release = "4.16.1",
            From = Now,
            Horizon = Now.AddDays(60),
            RolloutEnd = Now.AddHours(4),
            Reached = 3,
            Clusters =
            [
                new ForecastClusterView("done", "stage", "4.16.1", ForecastOutcome.AlreadyThere, null, null, null),
                new ForecastClusterView(Script, Quotes, "4.16.0", ForecastOutcome.Upgrades, Now.AddHours(2), Now.AddHours(4), Script),
                new ForecastClusterView("c1", "stage", "4.16.0", ForecastOutcome.Upgrades, Now, Now.AddHours(2), "soaking"),
            ],
        };

        var html = DashboardHtmlWriter.Write(WithOrganization(view, o => o with { Forecast = forecast }));

        DashboardHtmlWriter.Write(view).ShouldNotContain("Forecast of");
        html.ShouldContain("<caption>Forecast of 4.16.1 in");
        html.ShouldContain("3 of 3 clusters reach it, rollout ends <time datetime=\"2026-11-23T16:00:00Z\">");
        html.ShouldContain("<span class=\"bar\" style=\"margin-left:50%;width:50%\"></span>");
        html.ShouldContain("<span class=\"bar\" style=\"margin-left:0%;width:50%\"></span>");
        html.ShouldContain("runs it already");
    }

    [Fact]
    public void A_forecast_that_is_unavailable_says_why_and_a_pending_one_says_it_is_being_computed()
    {
        var view = HostileView();

        DashboardHtmlWriter.Write(WithOrganization(view, o => o with { ForecastUnavailable = Script }))
            .ShouldContain("Forecast of the newest release unavailable: &lt;script&gt;");
        DashboardHtmlWriter.Write(WithOrganization(view, o => o with { ForecastPending = true }))
            .ShouldContain("The forecast of the newest release is being computed.");
    }

    [Fact]
    public void Controls_in_force_and_upgrades_in_progress_are_tables_with_the_commands_that_lift_them()
    {
        var html = DashboardHtmlWriter.Write(HostileView());

        html.ShouldContain("<caption>Rollout controls in force in ");
        html.ShouldContain("<span class=\"tag\">paused</span></td><td>sector &lt;script&gt;");
        html.ShouldContain("upgrades not started are cancelled");
        html.ShouldContain("<span class=\"tag\">frozen now</span>");
        html.ShouldContain("<span class=\"tag\">awaiting approval</span>");
        html.ShouldContain("aus resume --org a&quot;b&#39;c&amp;d --version &lt;script&gt;");
        html.ShouldContain("<caption>Upgrades in progress in ");
        html.ShouldContain("node pool &lt;script&gt;");
        html.ShouldContain("7.0 h ago <span class=\"tag long\">over 6 h</span>");
        html.ShouldContain("planned by the last pass");
    }

    private static FleetView WithOrganization(FleetView view, Func<OrganizationView, OrganizationView> change) =>
        view with { Environments = [new EnvironmentView("production", [change(view.Environments[0].Organizations[0])])] };

    private static FleetView HostileView()
    {
        var cluster = new ClusterView
        {
            Name = Script,
            Version = "4.15.1",
            Sector = Quotes,
            Mutexes = [Script],
            Decision = "skip",
            Reason = "blocked",
            Detail = $"every upgrade is blocked by {Script} & {Quotes}",
            Status = ClusterStatus.Attention,
            SoakDaysNeeded = 3,
            Candidates = [new CandidateView(Script, CandidateState.Soaking, 1.5, [new WorkloadSoakView(Quotes, 1.5, 3), new WorkloadSoakView(Long, 2, 3)])],
        };
        var organization = new OrganizationView
        {
            OrgId = new(Quotes),
            Name = Long,
            Errors = [new MessageView(Script, Quotes)],
            Warnings = [new MessageView(null, Script)],
            InheritsFrom = [Script],
            NewestVersion = "4.16.1",
            Sectors = [new SectorView("stage", [], 1, 2), new SectorView("prod", ["stage"], 0, 1)],
            Clusters = [cluster, cluster with { Name = Long, Status = ClusterStatus.Waiting, NextRun = Now.AddHours(1) }],
            MutexHolders = [new MutexHolderView(Script, Long, Quotes)],
            InProgress =
            [
                new UpgradePolicyView(Script, UpgradePolicyKind.NodePool, Quotes) { NodePool = Script, State = UpgradePolicyState.Started, NextRun = Now.AddHours(-7), StartedHoursAgo = 7, Long = true },
                new UpgradePolicyView(Long, UpgradePolicyKind.Addon, "1.2.0") { Addon = Quotes, State = UpgradePolicyState.Scheduled, NextRun = Now.AddHours(1), PlannedByLastPass = true },
            ],
            Controls = new ControlsView
            {
                Pauses = [new PauseView(PauseScope.Sector, Script, Quotes, Now.AddDays(1), Script, Now.AddHours(-1)) { CancelScheduled = true }],
                Freezes = [new FreezeView(Script, Now.AddDays(-1), Now.AddDays(1), Active: true)],
                AwaitingApproval = [new ApprovalWaitView(Quotes, Script, [Script])],
                Approved = [new RolloutApproval(Script, Quotes)],
                HaltedVersions = [Script],
            },
            Failure = Script,
        };
        return new FleetView(Now, [new EnvironmentView(Script, [organization])])
        {
            Passes = [new PassView(Now, TimeSpan.FromSeconds(2), 1, 3, 1) { Errors = [Script] }],
        };
    }
}
