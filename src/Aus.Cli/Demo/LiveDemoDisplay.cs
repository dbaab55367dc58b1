using System.Globalization;
using Aus.Domain.Planning;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aus.Cli.Demo;

/// <summary>
/// The demo on a terminal: one live view redrawn after every pass (the clusters with their
/// versions and aus's decisions, the release's soak progress, the add-ons with their policies, the
/// latest events), then the summary as tables.
/// </summary>
internal sealed class LiveDemoDisplay(IAnsiConsole console) : IDemoDisplay
{
    private const int EventLines = 8;
    private readonly List<string> _events = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DemoIntroduction? _introduction;
    private LiveDisplayContext? _context;
    private Task _live = Task.CompletedTask;

    public Task StartAsync(DemoIntroduction introduction, CancellationToken cancellationToken)
    {
        _introduction = introduction;
        foreach (var line in DemoSummaryWriter.Introduction(introduction))
        {
            console.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _live = console.Live(new Text("starting..."))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                _context = context;
                started.SetResult();
                await _finished.Task;
            });
        return started.Task;
    }

    public Task ShowPassAsync(DemoPass pass, CancellationToken cancellationToken)
    {
        foreach (var action in pass.Actions)
        {
            AddEvent(pass.Now, pass.Elapsed, $"aus: {action}");
        }

        foreach (var failure in pass.Failures)
        {
            AddEvent(pass.Now, pass.Elapsed, $"[red]failed: {Markup.Escape(failure)}[/]", escaped: true);
        }

        foreach (var transition in pass.Transitions)
        {
            var colour = transition.State switch { "completed" => "green", "started" => "yellow", _ => "red" };
            var what = transition.AddonId is { } addon ? $"add-on {addon} upgrade" : "upgrade";
            AddEvent(
                transition.At,
                pass.Elapsed + (transition.At - pass.Now),
                $"[{colour}]{Markup.Escape($"{transition.ClusterName}: {what} to {transition.Version} {transition.State}")}[/]",
                escaped: true);
        }

        _context?.UpdateTarget(Render(pass));
        _context?.Refresh();
        return Task.CompletedTask;
    }

    public async Task FinishAsync(DemoResult result, CancellationToken cancellationToken)
    {
        _finished.TrySetResult();
        await _live;
        console.WriteLine();
        var lines = DemoSummaryWriter.Summary(result).ToList();
        console.MarkupLine(result.Converged ? $"[bold green]{Markup.Escape(lines[0])}[/]" : $"[bold yellow]{Markup.Escape(lines[0])}[/]");
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "cluster", "sector", "mutexes", "from", $"runs {result.Release} at", "after", "soak days when scheduled" })
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var cluster in result.Clusters.OrderBy(c => c.ReleaseAt ?? DateTimeOffset.MaxValue).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(cluster.Name),
                Markup.Escape(cluster.Sector ?? "-"),
                Markup.Escape(cluster.Mutexes.Count == 0 ? "-" : string.Join(",", cluster.Mutexes)),
                Markup.Escape(cluster.FromVersion ?? "not in OCM"),
                cluster.ReleaseAt is { } at ? $"[green]{DemoFormat.Time(at)}[/]" : (cluster.InScope ? "[yellow]not yet[/]" : "[grey]not offered[/]"),
                cluster.ReleaseAt is { } after ? DemoFormat.Elapsed(after - result.Start) : "-",
                cluster.SoakDaysWhenScheduled is { } soak ? $"{DemoFormat.Days(soak)} (needs {cluster.RequiredSoakDays ?? 0})" : "-");
        }

        console.Write(table);
        if (!result.Addons.IsEmpty)
        {
            var addonLines = DemoSummaryWriter.Summary(result).SkipWhile(l => !l.StartsWith("Add-on ", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("Add-on ", StringComparison.Ordinal));
            foreach (var line in addonLines)
            {
                console.MarkupLine($"[bold]{Markup.Escape(line)}[/]");
            }

            var addons = new Table().Border(TableBorder.Rounded);
            foreach (var column in DemoSummaryWriter.AddonColumns)
            {
                addons.AddColumn(Markup.Escape(column));
            }

            foreach (var addon in result.Addons.OrderBy(a => a.Addon, StringComparer.Ordinal).ThenBy(a => a.ReachedAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Cluster, StringComparer.Ordinal))
            {
                addons.AddRow(
                    Markup.Escape(addon.Addon),
                    Markup.Escape(addon.Cluster),
                    Markup.Escape(addon.Sector ?? "-"),
                    Markup.Escape(addon.Mutexes.Count == 0 ? "-" : string.Join(",", addon.Mutexes)),
                    Markup.Escape(addon.FromVersion),
                    Markup.Escape(addon.TargetVersion),
                    addon.ReachedAt is { } at ? $"[green]{DemoFormat.Time(at)}[/]" : "[yellow]not yet[/]",
                    addon.ReachedAt is { } after ? DemoFormat.Elapsed(after - result.Start) : "-");
            }

            console.Write(addons);
        }
    }

    private void AddEvent(DateTimeOffset at, TimeSpan elapsed, string text, bool escaped = false)
    {
        _events.Add($"[grey]{DemoFormat.Time(at)} {DemoFormat.Elapsed(elapsed)}[/] {(escaped ? text : Markup.Escape(text))}");
        if (_events.Count > EventLines)
        {
            _events.RemoveAt(0);
        }
    }

    private IRenderable Render(DemoPass pass)
    {
        var release = _introduction?.Release ?? string.Empty;
        var title = new Markup(
            $"[bold]aus demo[/]: rollout of [bold]{Markup.Escape(release)}[/]   pass {pass.Number}   [bold]{DemoFormat.Time(pass.Now)}[/] UTC ({DemoFormat.Elapsed(pass.Elapsed)})");

        var soak = new List<IRenderable>();
        foreach (var (workload, days) in pass.ReleaseSoak)
        {
            var needed = Math.Max(_introduction?.RequiredSoak.GetValueOrDefault(workload) ?? 0, 1);
            var filled = (int)Math.Round(Math.Min(days / needed, 1) * 30);
            var bar = new string('█', filled) + new string('░', 30 - filled);
            var colour = days >= needed ? "green" : "yellow";
            soak.Add(new Markup(string.Create(
                CultureInfo.InvariantCulture,
                $"soak of {Markup.Escape(release)} for {Markup.Escape(workload)}: [{colour}]{bar}[/] {DemoFormat.Days(days)} of {needed} cluster-days")));
        }

        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumn("cluster");
        table.AddColumn("sector");
        table.AddColumn("mutexes");
        table.AddColumn("version");
        table.AddColumn("aus decided");
        table.AddColumn("why");
        foreach (var cluster in pass.Clusters)
        {
            table.AddRow(
                new Markup(Markup.Escape(cluster.Name)),
                new Markup(Markup.Escape(cluster.Sector ?? "-")),
                new Markup(Markup.Escape(cluster.Mutexes.Count == 0 ? "-" : string.Join(",", cluster.Mutexes))),
                new Markup(Version(cluster, release)),
                new Markup(State(cluster)),
                new Markup($"[grey]{Markup.Escape(cluster.Detail)}[/]"));
        }

        foreach (var addon in pass.AddonSoak)
        {
            var needed = Math.Max(_introduction?.RequiredSoak.GetValueOrDefault(addon.Workload) ?? 0, 1);
            var filled = (int)Math.Round(Math.Min(addon.Days / needed, 1) * 30);
            var bar = new string('█', filled) + new string('░', 30 - filled);
            var colour = addon.Days >= needed ? "green" : "yellow";
            soak.Add(new Markup(string.Create(
                CultureInfo.InvariantCulture,
                $"soak of add-on {Markup.Escape(addon.Addon)} {Markup.Escape(addon.Version)} for {Markup.Escape(addon.Workload)}: [{colour}]{bar}[/] {DemoFormat.Days(addon.Days)} of {needed} cluster-days")));
        }

        var events = _events.Count == 0 ? new Markup("[grey]no upgrades yet[/]") : new Markup(string.Join('\n', _events));
        IRenderable[] addons = pass.Addons.IsEmpty ? [] : [AddonTable(pass)];
        return new Rows([title, .. soak, table, .. addons, new Panel(events).Header("latest events").Expand()]);
    }

    /// <summary>The add-ons of the clusters: what each runs, the add-on policy OCM holds, and what aus decided.</summary>
    private static Table AddonTable(DemoPass pass)
    {
        var table = new Table().Border(TableBorder.Simple).Expand();
        foreach (var column in new[] { "cluster", "add-on", "version", "add-on policy", "aus decided", "why" })
        {
            table.AddColumn(column);
        }

        foreach (var addon in pass.Addons)
        {
            var version = Markup.Escape(addon.Version ?? "?");
            table.AddRow(
                new Markup(Markup.Escape(addon.Cluster)),
                new Markup(Markup.Escape(addon.Addon)),
                new Markup(addon.Upgrading is { } to ? $"[yellow]{version} → {Markup.Escape(to)}[/]" : version),
                new Markup(Markup.Escape(addon.Policy ?? "-")),
                new Markup(State(addon.Decision, addon.Reason, DemoFormat.Decision(addon.Decision, addon.Reason, addon.TargetVersion))),
                new Markup($"[grey]{Markup.Escape(addon.Detail)}[/]"));
        }

        return table;
    }

    private static string Version(DemoClusterState cluster, string release)
    {
        var version = Markup.Escape(cluster.Version ?? "?");
        if (cluster.Upgrading is { } to)
        {
            return $"[yellow]{version} → {Markup.Escape(to)}[/]";
        }

        return cluster.Version == release ? $"[green]{version}[/]" : version;
    }

    private static string State(DemoClusterState cluster) => State(cluster.Decision, cluster.Reason, DemoFormat.Decision(cluster));

    private static string State(Decision decision, Reason reason, string words)
    {
        var text = Markup.Escape(words);
        return decision == Decision.Upgrade
            ? $"[bold blue]{text}[/]"
            : reason switch
            {
                Reason.UpgradeInProgress => $"[yellow]{text}[/]",
                Reason.NoUpgradesAvailable => $"[green]{text}[/]",
                Reason.MutexLocked or Reason.SectorDependency or Reason.Soaking or Reason.SectorParallelLimit => $"[darkorange]{text}[/]",
                _ => $"[grey]{text}[/]",
            };
    }
}
