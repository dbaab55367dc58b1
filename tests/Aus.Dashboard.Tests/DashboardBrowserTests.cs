using System.Text.Json;
using Microsoft.Playwright;

namespace Aus.Dashboard.Tests;

/// <summary>The dashboard of `aus serve` on the simulator, in headless Chromium, as an operator and a screen reader see it.</summary>
public sealed class DashboardBrowserTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task EveryClusterAndItsReasonAreVisible()
    {
        var page = await OpenAsync();
        var clusters = await ClustersFromApiAsync();
        clusters.Length.ShouldBe(8, "six sector clusters, a hostile one and one missing from OCM");

        foreach (var (name, reason, detail) in clusters)
        {
            var header = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true });
            (await header.IsVisibleAsync()).ShouldBeTrue($"cluster {name} is visible");
            var row = page.Locator("tr").Filter(new() { Has = header });
            var text = await row.InnerTextAsync();
            text.ShouldContain(reason);
            text.ShouldContain(detail);
        }
    }

    [Fact]
    public async Task TheSectorsAppearInDependencyOrder()
    {
        var page = await OpenAsync();

        (await page.Locator("ol.flow li strong").AllInnerTextsAsync()).ShouldBe(["stage", "prod-blue", "prod-green"]);
    }

    [Fact]
    public async Task TheForecastTimelineOfTheNewestReleaseFollowsTheSectorFlow()
    {
        var forecast = (await OrganizationFromApiAsync("org-sectors")).GetProperty("forecast");
        forecast.GetProperty("release").GetString().ShouldBe(DashboardServer.NewestRelease);
        var page = await OpenAsync();

        var table = page.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasText = $"Forecast of {DashboardServer.NewestRelease} in sectors-org" }) });
        (await table.IsVisibleAsync()).ShouldBeTrue();
        var sectors = await table.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        sectors.Distinct().ShouldBe(["stage", "prod-blue", "prod-green"], "clusters in the order of the sector flow");
        (await table.Locator(".bar").CountAsync()).ShouldBeGreaterThan(0, "a bar for each cluster that gets the release");
        (await table.InnerTextAsync()).ShouldContain("runs it already", customMessage: "stage-2 runs 4.16.9");
        await table.ScreenshotAsync(new() { Path = Path.Combine(DashboardServer.Artifacts, "dashboard-forecast.png") });
    }

    [Fact]
    public async Task APauseMadeWithAusPause_ShowsInTheControlsWithItsReasonAndWho()
    {
        var pause = (await OrganizationFromApiAsync("org-hostile")).GetProperty("controls").GetProperty("pauses").EnumerateArray().ShouldHaveSingleItem();
        (pause.GetProperty("scope").GetString(), pause.GetProperty("target").GetString(), pause.GetProperty("reason").GetString())
            .ShouldBe(("cluster", DashboardServer.HostileCluster, DashboardServer.HostilePauseReason));
        pause.GetProperty("by").GetString().ShouldNotBeNullOrEmpty();
        var page = await OpenAsync();

        var controls = page.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasText = "Rollout controls in force in" }) });
        var text = await controls.InnerTextAsync();
        text.ShouldContain("paused");
        text.ShouldContain("cluster " + DashboardServer.HostileCluster);
        text.ShouldContain(DashboardServer.HostilePauseReason);
        text.ShouldContain("until 2099-01-01 00:00:00Z");
        (await controls.Locator("b").CountAsync()).ShouldBe(0, "the reason is text, not markup");
        var cluster = page.Locator("tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = DashboardServer.HostileCluster, Exact = true }) });
        (await cluster.InnerTextAsync()).ShouldContain("paused");
    }

    [Fact]
    public async Task HostileNamesShowAsTextAndNothingRuns()
    {
        var page = await server.Browser.NewPageAsync();
        var problems = Watch(page);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync(server.Address.ToString());

        (await page.GetByRole(AriaRole.Heading, new() { Name = DashboardServer.HostileOrganizationName.Trim() + " org-hostile" }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Rowheader, new() { Name = DashboardServer.HostileCluster, Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("img").CountAsync()).ShouldBe(0);
        (await page.Locator("script").CountAsync()).ShouldBe(0);
        dialogs.ShouldBe(0);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task ThereAreNoConsoleErrors()
    {
        var page = await server.Browser.NewPageAsync();
        var problems = Watch(page);

        await page.GotoAsync(server.Address.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task HeadingsTablesAndBarsAreLabelled()
    {
        var page = await OpenAsync();

        var levels = await page.EvalOnSelectorAllAsync<int[]>("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => Number(h.tagName[1]))");
        levels.Count(l => l == 1).ShouldBe(1, "one h1");
        levels[0].ShouldBe(1);
        for (var i = 1; i < levels.Length; i++)
        {
            levels[i].ShouldBeLessThanOrEqualTo(levels[i - 1] + 1, $"heading {i} skips a level after h{levels[i - 1]}");
        }

        (await page.Locator("table").CountAsync()).ShouldBe(await page.Locator("table > caption").CountAsync());
        (await page.Locator("progress:not([aria-label])").CountAsync()).ShouldBe(0);
        (await page.Locator("progress").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("th[scope]").CountAsync()).ShouldBe(await page.Locator("th").CountAsync());
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task StatusColoursHaveAContrastOfAtLeast4Point5WithTextLabels(ColorScheme scheme)
    {
        await using var context = await server.Browser.NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());

        var badges = await page.EvalOnSelectorAllAsync<JsonElement>(
            ".status",
            "bs => bs.map(b => { const s = getComputedStyle(b); return { text: b.textContent, color: s.color, background: s.backgroundColor }; })");
        var statuses = badges.EnumerateArray().ToList();
        statuses.Select(b => b.GetProperty("text").GetString()).Distinct().Order().ShouldBe(["attention", "current", "upgrading", "waiting"]);
        foreach (var badge in statuses)
        {
            Contrast.Ratio(badge.GetProperty("color").GetString()!, badge.GetProperty("background").GetString()!)
                .ShouldBeGreaterThanOrEqualTo(4.5, $"{badge.GetProperty("text")} in {scheme}");
        }

        var body = await page.EvalOnSelectorAsync<JsonElement>("body", "b => { const s = getComputedStyle(b); return { color: s.color, background: s.backgroundColor }; }");
        Contrast.Ratio(body.GetProperty("color").GetString()!, body.GetProperty("background").GetString()!).ShouldBeGreaterThanOrEqualTo(4.5, $"body text in {scheme}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardServer.Artifacts, $"dashboard-{scheme.ToString().ToLowerInvariant()}.png"), FullPage = true });
    }

    [Fact]
    public async Task OnAPhone_OnlyTablesScrollSideways()
    {
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());

        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        scroll.ShouldBeLessThanOrEqualTo(client);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardServer.Artifacts, "dashboard-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task WithoutJavaScript_ThePageIsComplete()
    {
        await using var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());

        (await page.GetByRole(AriaRole.Rowheader, new() { Name = "prod-4", Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Last passes" }).IsVisibleAsync()).ShouldBeTrue();
    }

    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        return problems;
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await server.Browser.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());
        return page;
    }

    private async Task<JsonElement> OrganizationFromApiAsync(string orgId)
    {
        using var http = new HttpClient();
        using var fleet = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.Address, "/api/fleet")));
        return fleet.RootElement.GetProperty("environments").EnumerateArray()
            .SelectMany(e => e.GetProperty("organizations").EnumerateArray())
            .Single(o => o.GetProperty("orgId").GetString() == orgId)
            .Clone();
    }

    private async Task<(string Name, string Reason, string Detail)[]> ClustersFromApiAsync()
    {
        using var http = new HttpClient();
        using var fleet = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.Address, "/api/fleet")));
        return
        [
            .. fleet.RootElement.GetProperty("environments").EnumerateArray()
                .SelectMany(e => e.GetProperty("organizations").EnumerateArray())
                .SelectMany(o => o.GetProperty("clusters").EnumerateArray())
                .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("reason").GetString()!, c.GetProperty("detail").GetString()!)),
        ];
    }
}
