using System.Collections.Immutable;
using Aus.Application.Views;
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
    public void A_forecast_shows_only_when_the_view_has_one()
    {
        var view = HostileView();
        var organization = view.Environments[0].Organizations[0];
        var withForecast = view with
        {
            Environments = [new EnvironmentView("production", [organization with { Forecast = new ForecastTimelineView("4.16.1", Now.AddDays(3), [new ForecastClusterView("c1", Now, Now.AddHours(2), "soaking")]) }])],
        };

        DashboardHtmlWriter.Write(view).ShouldNotContain("Forecast of");
        DashboardHtmlWriter.Write(withForecast).ShouldContain("<caption>Forecast of 4.16.1 in");
    }

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
            OrgId = Quotes,
            Name = Long,
            Errors = [new MessageView(Script, Quotes)],
            Warnings = [new MessageView(null, Script)],
            InheritsFrom = [Script],
            NewestVersion = "4.16.1",
            Sectors = [new SectorView("stage", [], 1, 2), new SectorView("prod", ["stage"], 0, 1)],
            Clusters = [cluster, cluster with { Name = Long, Status = ClusterStatus.Waiting, NextRun = Now.AddHours(1) }],
            MutexHolders = [new MutexHolderView(Script, Long, Quotes)],
            InProgress = [new UpgradeInProgressView(Script, Quotes, CandidateState.Upgrading, 1.2)],
            Failure = Script,
        };
        return new FleetView(Now, [new EnvironmentView(Script, [organization])])
        {
            Passes = [new PassView(Now, TimeSpan.FromSeconds(2), 1, 3, 1) { Errors = [Script] }],
        };
    }
}
