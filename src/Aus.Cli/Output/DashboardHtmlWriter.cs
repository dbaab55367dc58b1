using System.Globalization;
using System.Net;
using System.Text;
using Aus.Application.Forecast;
using Aus.Application.Views;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>
/// The fleet view as one self-contained HTML page: the dashboard of `aus serve` and `aus report
/// --output html`. Server-rendered, no script, no network; inline CSS for light and dark, narrow
/// and wide screens. Every text from policies and OCM is HTML-encoded.
/// </summary>
internal static class DashboardHtmlWriter
{
    /// <param name="refreshSeconds">Reload the page every so many seconds (the live dashboard); null for a file.</param>
    public static string Write(FleetView view, int? refreshSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n");
        if (refreshSeconds is { } seconds)
        {
            html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{seconds}\">\n");
        }

        html.Append("<title>aus: fleet upgrades</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>Fleet upgrades</h1>\n")
            .Append("<p>As planned at ").Append(Time(view.Now)).Append(". Status: ")
            .Append(string.Join(", ", Enum.GetValues<ClusterStatus>().Select(s => $"{Badge(s)} {Encode(StatusMeaning(s))}")))
            .Append(".</p>\n</header>\n<main>\n");
        if (view.Environments.IsEmpty)
        {
            html.Append("<p>No organization has been planned yet.</p>\n");
        }

        foreach (var environment in view.Environments)
        {
            html.Append("<section>\n<h2>Environment ").Append(Encode(environment.Name)).Append("</h2>\n");
            foreach (var organization in environment.Organizations)
            {
                WriteOrganization(html, view, organization);
            }

            html.Append("</section>\n");
        }

        if (!view.Passes.IsEmpty)
        {
            WritePasses(html, view);
        }

        html.Append("</main>\n<footer><p>Read only: written by aus; nothing on this page changes anything.</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteOrganization(StringBuilder html, FleetView view, OrganizationView organization)
    {
        var name = Encode(organization.Name);
        html.Append("<section class=\"org\">\n<h3>").Append(name).Append(" <span class=\"muted\">").Append(Encode(organization.OrgId.Value)).Append("</span></h3>\n");
        if (!organization.InheritsFrom.IsEmpty)
        {
            html.Append("<p>Inherits version data from ").Append(Encode(string.Join(", ", organization.InheritsFrom))).Append(".</p>\n");
        }

        if (organization.Failure is not null || !organization.Errors.IsEmpty)
        {
            html.Append("<div class=\"errors\">\n<h4>Errors (no actions for this organization)</h4>\n<ul>\n");
            if (organization.Failure is { } failure)
            {
                html.Append("<li>").Append(Encode(failure)).Append("</li>\n");
            }

            foreach (var error in organization.Errors)
            {
                html.Append("<li>").Append(Message(error)).Append("</li>\n");
            }

            html.Append("</ul>\n</div>\n");
        }

        if (!organization.Warnings.IsEmpty)
        {
            html.Append("<h4>Warnings</h4>\n<ul>\n").Append(string.Concat(organization.Warnings.Select(w => $"<li>{Message(w)}</li>\n"))).Append("</ul>\n");
        }

        if (!organization.Sectors.IsEmpty)
        {
            html.Append("<h4>Sectors</h4>\n<ol class=\"flow\" aria-label=\"Sectors of ").Append(name).Append(" in dependency order\">\n");
            foreach (var sector in organization.Sectors)
            {
                var label = string.Create(CultureInfo.InvariantCulture, $"{sector.OnNewest} of {sector.Total} on {organization.NewestVersion ?? "the newest version"}");
                html.Append("<li class=\"sector\"><strong>").Append(Encode(sector.Name)).Append("</strong> ")
                    .Append(CultureInfo.InvariantCulture, $"<progress value=\"{sector.OnNewest}\" max=\"{Math.Max(sector.Total, 1)}\" aria-label=\"{Encode(sector.Name)}: {Encode(label)}\"></progress> ")
                    .Append("<span>").Append(Encode(label)).Append("</span>");
                if (!sector.DependsOn.IsEmpty)
                {
                    html.Append(" <span class=\"muted\">after ").Append(Encode(string.Join(", ", sector.DependsOn))).Append("</span>");
                }

                html.Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        html.Append("<div class=\"scroll\">\n<table>\n<caption>Clusters of ").Append(name).Append("</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Cluster</th><th scope=\"col\">Sector</th><th scope=\"col\">Version</th><th scope=\"col\">Status</th>")
            .Append("<th scope=\"col\">Decision and reason</th><th scope=\"col\">Target</th><th scope=\"col\">Next run</th><th scope=\"col\">Candidate versions (soak)</th></tr></thead>\n<tbody>\n");
        foreach (var cluster in organization.Clusters)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(cluster.Name)).Append("</th><td>").Append(Encode(cluster.Sector ?? string.Empty))
                .Append("</td><td>").Append(Encode(cluster.Version ?? "not in OCM")).Append("</td><td>").Append(Badge(cluster.Status))
                .Append("</td><td><code>").Append(Encode(cluster.Decision)).Append("</code> <code>").Append(Encode(cluster.Reason)).Append("</code><br>")
                .Append(Encode(cluster.Detail)).Append("</td><td>").Append(Encode(cluster.TargetVersion ?? string.Empty))
                .Append("</td><td>").Append(cluster.NextRun is { } run ? Time(run) + " " + Encode(Relative(run, view.Now)) : string.Empty)
                .Append("</td><td>");
            WriteCandidates(html, cluster);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
        if (!organization.MutexHolders.IsEmpty)
        {
            html.Append("<div class=\"scroll\">\n<table>\n<caption>Mutexes held in ").Append(name).Append("</caption>\n")
                .Append("<thead><tr><th scope=\"col\">Mutex</th><th scope=\"col\">Held by</th><th scope=\"col\">For version</th></tr></thead>\n<tbody>\n");
            foreach (var holder in organization.MutexHolders)
            {
                html.Append("<tr><td>").Append(Encode(holder.Mutex)).Append("</td><td>").Append(Encode(holder.Cluster))
                    .Append("</td><td>").Append(Encode(holder.Version ?? string.Empty)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        if (!organization.Controls.IsEmpty)
        {
            WriteControls(html, view, organization);
        }

        if (!organization.InProgress.IsEmpty)
        {
            WriteInProgress(html, view, organization);
        }

        if (organization.Forecast is { } forecast)
        {
            WriteForecast(html, organization, forecast);
        }
        else if (organization.ForecastUnavailable is { } why)
        {
            html.Append("<p class=\"muted\">Forecast of the newest release unavailable: ").Append(Encode(why)).Append(".</p>\n");
        }
        else if (organization.ForecastPending)
        {
            html.Append("<p class=\"muted\">The forecast of the newest release is being computed.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteCandidates(StringBuilder html, ClusterView cluster)
    {
        if (cluster.Candidates.IsEmpty)
        {
            return;
        }

        html.Append("<ul class=\"candidates\">");
        foreach (var candidate in cluster.Candidates)
        {
            var needed = Math.Max(cluster.SoakDaysNeeded, 0);
            var soaked = Days(candidate.SoakedDays);
            html.Append("<li>").Append(Encode(candidate.Version)).Append(' ').Append(CandidateLabel(candidate.State))
                .Append(CultureInfo.InvariantCulture, $" <progress value=\"{(needed == 0 ? 1 : Math.Min(candidate.SoakedDays, needed)).ToString("0.##", CultureInfo.InvariantCulture)}\" max=\"{Math.Max(needed, 1)}\" aria-label=\"{Encode(candidate.Version)} soaked {soaked} of {needed} days\"></progress>")
                .Append(CultureInfo.InvariantCulture, $" {soaked} / {needed} d");
            if (candidate.Workloads.Length > 1)
            {
                html.Append("<br><span class=\"muted\">")
                    .Append(Encode(string.Join(", ", candidate.Workloads.Select(w => $"{w.Workload} {Days(w.SoakedDays)}/{w.NeededDays} d"))))
                    .Append("</span>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void WriteControls(StringBuilder html, FleetView view, OrganizationView organization)
    {
        var controls = organization.Controls;
        html.Append("<div class=\"scroll\">\n<table>\n<caption>Rollout controls in force in ").Append(Encode(organization.Name)).Append("</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Control</th><th scope=\"col\">On</th><th scope=\"col\">Details</th></tr></thead>\n<tbody>\n");
        foreach (var pause in controls.Pauses)
        {
            var details = new List<string>();
            details.Add(pause.Reason is { } reason ? Encode(reason) : "no reason given");
            details.Add(pause.Until is { } until ? "until " + Time(until) : "until resumed");
            if (pause.CancelScheduled)
            {
                details.Add("upgrades not started are cancelled");
            }

            if (pause.By is { } by)
            {
                details.Add("by " + Encode(by) + (pause.Since is { } since ? " at " + Time(since) : string.Empty));
            }

            ControlRow(html, "paused", Encode(PauseScopeText(pause)), string.Join("; ", details));
        }

        foreach (var freeze in controls.Freezes)
        {
            ControlRow(html, freeze.Active ? "frozen now" : "freeze coming", Encode(freeze.Name), $"{Time(freeze.Start)} to {Time(freeze.End)} {Encode(Relative(freeze.Active ? freeze.End : freeze.Start, view.Now))}");
        }

        foreach (var wait in controls.AwaitingApproval)
        {
            var version = wait.Version ?? "VERSION";
            ControlRow(
                html,
                "awaiting approval",
                "sector " + Encode(wait.Sector),
                $"version {Encode(wait.Version ?? "unknown")}; clusters {Encode(string.Join(", ", wait.Clusters))}; <code>{Encode($"aus approve --org {organization.OrgId} --sector {wait.Sector} --version {version}")}</code>");
        }

        foreach (var approval in controls.Approved)
        {
            ControlRow(html, "approved", "sector " + Encode(approval.Sector), "version " + Encode(approval.Version));
        }

        foreach (var version in controls.HaltedVersions)
        {
            ControlRow(html, "halted", "version " + Encode(version), $"until <code>{Encode($"aus resume --org {organization.OrgId} --version {version}")}</code>");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    /// <param name="on">Encoded already.</param>
    /// <param name="details">Encoded already.</param>
    private static void ControlRow(StringBuilder html, string control, string on, string details) =>
        html.Append("<tr><td><span class=\"tag\">").Append(control).Append("</span></td><td>").Append(on).Append("</td><td>").Append(details).Append("</td></tr>\n");

    private static string PauseScopeText(PauseView pause) => pause.Scope switch
    {
        Aus.Domain.Controls.PauseScope.Organization => "the organization",
        Aus.Domain.Controls.PauseScope.Sector => $"sector {pause.Target}",
        Aus.Domain.Controls.PauseScope.Cluster => $"cluster {pause.Target}",
        _ => $"version {pause.Target}",
    };

    private static void WriteInProgress(StringBuilder html, FleetView view, OrganizationView organization)
    {
        html.Append("<div class=\"scroll\">\n<table>\n<caption>Upgrades in progress in ").Append(Encode(organization.Name)).Append("</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Cluster</th><th scope=\"col\">Upgrades</th><th scope=\"col\">Version</th><th scope=\"col\">State</th><th scope=\"col\">Next run</th><th scope=\"col\">Started</th></tr></thead>\n<tbody>\n");
        foreach (var policy in organization.InProgress)
        {
            html.Append("<tr><td>").Append(Encode(policy.Cluster)).Append("</td><td>").Append(Encode(PolicySubject(policy)))
                .Append("</td><td>").Append(Encode(policy.Version)).Append("</td><td><span class=\"tag\">").Append(Encode(PolicyState(policy))).Append("</span>")
                .Append(policy.PlannedByLastPass ? " <span class=\"muted\">planned by the last pass</span>" : string.Empty)
                .Append("</td><td>").Append(policy.NextRun is { } run ? Time(run) + " " + Encode(Relative(run, view.Now)) : string.Empty)
                .Append("</td><td>");
            if (policy.StartedHoursAgo is { } hours)
            {
                html.Append(CultureInfo.InvariantCulture, $"{hours:0.0} h ago");
                if (policy.Long)
                {
                    html.Append(" <span class=\"tag long\">over 6 h</span>");
                }
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static string PolicySubject(UpgradePolicyView policy) => policy.Kind switch
    {
        UpgradePolicyKind.NodePool => $"node pool {policy.NodePool}",
        UpgradePolicyKind.Addon => $"add-on {policy.Addon}",
        UpgradePolicyKind.ControlPlane => "control plane",
        _ => "cluster",
    };

    private static string PolicyState(UpgradePolicyView policy) => policy.State.ToString().ToLowerInvariant();

    private static void WriteForecast(StringBuilder html, OrganizationView organization, ForecastTimelineView forecast)
    {
        // The bars share one scale: from the pass the forecast starts at to the last predicted completion.
        var last = forecast.Clusters.Select(c => c.Completion).OfType<DateTimeOffset>().DefaultIfEmpty(forecast.From).Max();
        var span = Math.Max((last - forecast.From).TotalMinutes, 60);
        html.Append("<div class=\"scroll\">\n<table class=\"timeline\">\n<caption>Forecast of ").Append(Encode(forecast.Release)).Append(" in ").Append(Encode(organization.Name))
            .Append(CultureInfo.InvariantCulture, $": {forecast.Reached} of {forecast.Clusters.Length} clusters reach it, ")
            .Append(forecast.RolloutEnd is { } end ? "rollout ends " + Time(end) : "rollout does not end by " + Time(forecast.Horizon))
            .Append("</caption>\n<thead><tr><th scope=\"col\">Cluster</th><th scope=\"col\">Sector</th><th scope=\"col\">Start</th><th scope=\"col\">Completion</th>")
            .Append("<th scope=\"col\">").Append(Time(forecast.From)).Append(" to ").Append(Time(last)).Append("</th><th scope=\"col\">Held longest by, or why not</th></tr></thead>\n<tbody>\n");
        foreach (var cluster in forecast.Clusters)
        {
            html.Append("<tr><td>").Append(Encode(cluster.Cluster)).Append("</td><td>").Append(Encode(cluster.Sector ?? string.Empty))
                .Append("</td><td>").Append(cluster.Start is { } start ? Time(start) : string.Empty)
                .Append("</td><td>").Append(cluster.Completion is { } done ? Time(done) : string.Empty)
                .Append("</td><td>");
            if (cluster.Start is { } from && cluster.Completion is { } to)
            {
                var left = Math.Clamp((from - forecast.From).TotalMinutes / span * 100, 0, 100);
                var width = Math.Clamp((to - from).TotalMinutes / span * 100, 0.5, 100 - left);
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"track\" aria-hidden=\"true\"><span class=\"bar\" style=\"margin-left:{left:0.##}%;width:{width:0.##}%\"></span></div>");
            }
            else
            {
                html.Append(cluster.Outcome == ForecastOutcome.AlreadyThere ? "runs it already" : "not within the horizon");
            }

            html.Append("</td><td>").Append(cluster.Reason is { } reason ? $"<code>{Encode(reason)}</code>" : string.Empty).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void WritePasses(StringBuilder html, FleetView view)
    {
        html.Append("<section>\n<h2>Last passes</h2>\n<div class=\"scroll\">\n<table>\n<caption>The service's last passes, newest first</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Duration</th><th scope=\"col\">Organizations</th><th scope=\"col\">Actions</th><th scope=\"col\">Failed actions</th><th scope=\"col\">Errors</th></tr></thead>\n<tbody>\n");
        foreach (var pass in view.Passes)
        {
            html.Append("<tr><td>").Append(Time(pass.Time)).Append("</td><td>")
                .Append(CultureInfo.InvariantCulture, $"{pass.Duration.TotalSeconds:0.0} s</td><td>{pass.Organizations}</td><td>{pass.Actions}</td><td>{pass.FailedActions}</td><td>");
            if (!pass.Errors.IsEmpty)
            {
                html.Append("<ul>").Append(string.Concat(pass.Errors.Select(e => $"<li>{Encode(e)}</li>"))).Append("</ul>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static string Message(MessageView message) =>
        message.Cluster is null ? Encode(message.Message) : $"<strong>{Encode(message.Cluster)}</strong>: {Encode(message.Message)}";

    private static string Badge(ClusterStatus status)
    {
        var name = status.ToString().ToLowerInvariant();
        return $"<span class=\"status status-{name}\">{name}</span>";
    }

    private static string StatusMeaning(ClusterStatus status) => status switch
    {
        ClusterStatus.Upgrading => "an upgrade is scheduled or running",
        ClusterStatus.Waiting => "waiting for soak, a window, a mutex or a sector",
        ClusterStatus.Current => "no upgrade available",
        _ => "needs a person: blocked, a gate, a policy error or missing from OCM",
    };

    private static string CandidateLabel(CandidateState state) => state switch
    {
        CandidateState.Soaking => "<span class=\"tag\">soaking</span>",
        CandidateState.Soaked => "<span class=\"tag\">soaked</span>",
        CandidateState.Scheduled => "<span class=\"tag\">scheduled</span>",
        CandidateState.Upgrading => "<span class=\"tag\">upgrading</span>",
        _ => "<span class=\"tag long\">upgrading for over 6 h</span>",
    };

    private static string Time(DateTimeOffset time)
    {
        var text = TimeFormat.Format(time);
        return $"<time datetime=\"{text}\">{text.Replace('T', ' ')}</time>";
    }

    private static string Relative(DateTimeOffset time, DateTimeOffset now)
    {
        var span = time - now;
        var length = span.Duration();
        var text = length.TotalDays >= 1 ? FormattableString.Invariant($"{length.TotalDays:0.#} d") : length.TotalHours >= 1 ? FormattableString.Invariant($"{length.TotalHours:0.#} h") : FormattableString.Invariant($"{length.TotalMinutes:0} min");
        return span < TimeSpan.Zero ? $"({text} ago)" : $"(in {text})";
    }

    private static string Days(double days) => days.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // Status badges carry their own text and background colours, chosen for a contrast of at least
    // 4.5:1 in both schemes; the label says the status, so colour is never the only cue.
    private const string Style = """

        :root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1b1b;--muted:#555555;--line:#c8c8c8;--head:#f2f2f2;--err-bg:#fdecea;--err-fg:#7a1712;--bar:#1c4f8f}
        @media (prefers-color-scheme: dark){:root{--bg:#16181b;--fg:#e8e8e8;--muted:#b4b4b4;--line:#3c4046;--head:#23262b;--err-bg:#3b1715;--err-fg:#ffd7d3;--bar:#7fb0ff}}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:90rem;overflow-wrap:break-word;padding:1rem;background:var(--bg);color:var(--fg);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.35rem;margin-top:2rem;border-bottom:2px solid var(--line)}h3{font-size:1.15rem;margin-top:1.5rem}h4{font-size:1rem;margin:1rem 0 .4rem}
        .muted{color:var(--muted);font-weight:normal}
        .scroll{overflow-x:auto;margin:.5rem 0 1rem}
        table{border-collapse:collapse;width:100%}
        caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        h3,caption,tbody th,li{overflow-wrap:anywhere}
        thead th{background:var(--head)}
        tbody th{font-weight:600}
        code{font-size:.9em}
        .status{display:inline-block;white-space:nowrap;padding:.05rem .45rem;border-radius:.3rem;font-weight:600;font-size:.9em}
        .status-upgrading{background:#1c4f8f;color:#ffffff}
        .status-waiting{background:#fbe7a1;color:#3d2a00}
        .status-current{background:#1f6b43;color:#ffffff}
        .status-attention{background:#a4231b;color:#ffffff}
        .tag{white-space:nowrap;font-size:.85em;border:1px solid var(--line);border-radius:.25rem;padding:0 .3rem}
        .tag.long{border-color:currentColor;font-weight:600}
        .candidates{list-style:none;margin:0;padding:0}
        progress{width:5rem;vertical-align:middle}
        .flow{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}
        .flow .sector{border:1px solid var(--line);border-radius:.4rem;padding:.4rem .6rem}
        .flow .sector+.sector::before{content:"\2192  ";color:var(--muted)}
        .track{position:relative;min-width:10rem;height:.9rem;background:var(--head);border:1px solid var(--line);border-radius:.2rem}
        .bar{display:block;height:100%;min-width:2px;background:var(--bar);border-radius:.2rem}
        .errors{background:var(--err-bg);color:var(--err-fg);border-radius:.4rem;padding:.2rem .8rem;margin:.5rem 0}
        @media (max-width: 40rem){body{padding:.5rem;font-size:15px}th,td{padding:.25rem .35rem}progress{width:3.5rem}}

        """;
}
