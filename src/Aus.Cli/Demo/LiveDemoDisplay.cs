using System.Globalization;
using Aus.Domain.Planning;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aus.Cli.Demo;

/// <summary>
/// The demo on a terminal: one live view redrawn after every pass (the clusters with their
/// versions and aus's decisions, the release's soak progress, the latest events), then the
/// summary as a table.
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
            AddEvent(
                transition.At,
                pass.Elapsed + (transition.At - pass.Now),
                $"[{colour}]{Markup.Escape($"{transition.ClusterName}: upgrade to {transition.Version} {transition.State}")}[/]",
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

        var events = _events.Count == 0 ? new Markup("[grey]no upgrades yet[/]") : new Markup(string.Join('\n', _events));
        return new Rows([title, .. soak, table, new Panel(events).Header("latest events").Expand()]);
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

    private static string State(DemoClusterState cluster)
    {
        var text = Markup.Escape(DemoFormat.Decision(cluster));
        return cluster.Decision == Decision.Upgrade
            ? $"[bold blue]{text}[/]"
            : cluster.Reason switch
            {
                Reason.UpgradeInProgress => $"[yellow]{text}[/]",
                Reason.NoUpgradesAvailable => $"[green]{text}[/]",
                Reason.MutexLocked or Reason.SectorDependency or Reason.Soaking or Reason.SectorParallelLimit => $"[darkorange]{text}[/]",
                _ => $"[grey]{text}[/]",
            };
    }
}
