using System.Collections.Immutable;
using Aus.Application.Reconcile;
using Aus.Domain.Controls;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Reporting;
using Aus.Domain.Versions;

namespace Aus.Application.Views;

/// <summary>
/// Builds the <see cref="FleetView"/> from what the planner already said: the decisions, the report
/// rows and the version data of each organization's plan. It decides nothing itself.
/// </summary>
public static class FleetViewBuilder
{
    /// <summary>The view of a plan (for `aus report`): every organization with its policy.</summary>
    public static FleetView FromPlan(FleetPlan plan, IEnumerable<OrganizationPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var byId = policies.ToDictionary(p => p.OrgId);
        return Build(plan.Now, plan.Organizations.Select(o =>
        {
            var policy = byId.GetValueOrDefault(o.OrgId);
            return new OrganizationSource(policy?.Environment ?? OrganizationPolicy.DefaultEnvironment, o.OrgId, o.Name) { Plan = o, Policy = policy };
        }));
    }

    /// <summary>
    /// The view of a plan with the request it was made from (for `aus report --output html`): with
    /// the fleet (upgrades in progress), the rollout controls and, when given, the forecast.
    /// </summary>
    public static FleetView FromPlan(FleetPlan plan, PlanRequest request, ReleaseForecast? forecast = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        var inputs = request.Organizations.GroupBy(o => o.Policy.OrgId).ToDictionary(g => g.Key, g => g.First());
        return Build(plan.Now, plan.Organizations.Select(o =>
        {
            var input = inputs.GetValueOrDefault(o.OrgId);
            return new OrganizationSource(input?.Policy.Environment ?? OrganizationPolicy.DefaultEnvironment, o.OrgId, o.Name)
            {
                Plan = o,
                Policy = input?.Policy,
                Fleet = request.Fleet.Find(o.OrgId),
                Controls = input?.Controls ?? RolloutControls.Empty,
                Forecast = forecast,
            };
        }));
    }

    /// <summary>The view of a service pass: its organizations' outcomes, with the policies they were planned with.</summary>
    public static ImmutableArray<OrganizationSource> Sources(IEnumerable<OrganizationOutcome> outcomes, IEnumerable<OrganizationPolicy> policies)
    {
        var byKey = policies.ToDictionary(p => (p.Environment, p.OrgId));
        return
        [
            .. outcomes.Select(o => new OrganizationSource(o.Environment, o.OrgId, o.Name)
            {
                Plan = o.Plan,
                Policy = byKey.GetValueOrDefault((o.Environment, o.OrgId)),
                Failure = o.Failure,
                RejectedEdit = o.RejectedEdit,
                Fleet = o.Fleet,
                Controls = o.Controls,
            }),
        ];
    }

    /// <summary>One view line per pass, newest first.</summary>
    public static PassView Pass(DateTimeOffset time, TimeSpan duration, IReadOnlyCollection<OrganizationOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var errors = outcomes.SelectMany(o => PassErrors(o));
        return new PassView(time, duration, outcomes.Count(o => o.Processed), outcomes.Sum(o => o.Results.Length), outcomes.Sum(o => o.Results.Count(r => !r.Succeeded)))
        {
            Errors = [.. errors],
        };
    }

    public static FleetView Build(DateTimeOffset now, IEnumerable<OrganizationSource> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var environments = organizations
            .GroupBy(o => o.Environment)
            .OrderBy(g => g.Key)
            .Select(g => new EnvironmentView(g.Key.Value, [.. g.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.OrgId).Select(o => Organization(o, now))]));
        return new FleetView(now, [.. environments]);
    }

    private static IEnumerable<string> PassErrors(OrganizationOutcome outcome)
    {
        var name = $"{outcome.Name} ({outcome.OrgId})";
        if (outcome.Failure is { } failure)
        {
            yield return $"{name}: {failure}";
        }

        foreach (var error in (outcome.Plan?.Errors ?? []).Concat(outcome.RejectedEdit))
        {
            yield return error.Cluster is null ? $"{name}: {error.Message}" : $"{name}: {error.Cluster}: {error.Message}";
        }

        foreach (var result in outcome.Results.Where(r => !r.Succeeded))
        {
            yield return $"{name}: {result.Action.Cluster}: {result.Outcome}: {result.Message}";
        }
    }

    private static OrganizationView Organization(OrganizationSource source, DateTimeOffset now)
    {
        var plan = source.Plan;
        var rows = plan?.Report.GroupBy(r => r.Cluster, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var clusters = plan is null ? ImmutableArray<ClusterView>.Empty : [.. plan.Clusters.Select(d => Cluster(d, plan, rows!.GetValueOrDefault(d.Name), source.Policy))];
        var newest = clusters
            .Select(c => OpenShiftVersion.TryParse(c.Version, out var v) ? v : null)
            .OfType<OpenShiftVersion>()
            .DefaultIfEmpty()
            .Max();
        var sectors = Sectors(source.Policy, clusters, newest?.ToString());
        var (forecast, unavailable) = source.Forecast is { } made ? ForecastTimelines.For(made, source.OrgId.Value, source.Policy, sectors) : (null, null);
        return new OrganizationView
        {
            OrgId = source.OrgId.Value,
            Name = source.Name,
            Errors = [.. (plan?.Errors ?? []).Concat(source.RejectedEdit).Select(m => new MessageView(m.Cluster, m.Message))],
            Warnings = [.. (plan?.Warnings ?? []).Select(m => new MessageView(m.Cluster, m.Message))],
            Failure = source.Failure,
            InheritsFrom = plan?.InheritsFrom ?? [],
            NewestVersion = newest?.ToString(),
            Clusters = clusters,
            Sectors = sectors,
            MutexHolders =
            [
                .. clusters
                    .Where(c => c.Status == ClusterStatus.Upgrading)
                    .SelectMany(c => c.Mutexes.Select(m => new MutexHolderView(m, c.Name, c.TargetVersion ?? RunningVersion(c))))
                    .OrderBy(h => h.Mutex, StringComparer.Ordinal),
            ],
            InProgress = plan is null ? [] : UpgradePolicies.Of(source.Fleet, plan, [.. clusters.Select(c => c.Name)], now),
            Controls = ControlViews.Of(source.Controls, source.Policy, clusters, now),
            Forecast = forecast,
            ForecastUnavailable = unavailable,
            ForecastPending = source.Forecast == ReleaseForecast.Pending,
        };
    }

    private static string? RunningVersion(ClusterView cluster) =>
        cluster.Candidates.FirstOrDefault(v => v.State is CandidateState.Scheduled or CandidateState.Upgrading or CandidateState.LongUpgrade)?.Version;

    private static ClusterView Cluster(ClusterDecision decision, OrganizationPlan plan, ClusterReportRow? row, OrganizationPolicy? policy)
    {
        var clusterPolicy = row is null ? policy?.Clusters.FirstOrDefault(c => c.Name == decision.Name) : null;
        var needed = row?.SoakDays ?? clusterPolicy?.SoakDays ?? 0;
        var workloads = row?.Workloads ?? [.. (clusterPolicy?.Workloads ?? []).Select(w => w.Value).Order(StringComparer.Ordinal)];
        var versionData = plan.VersionData ?? VersionHistory.Empty;
        return new ClusterView
        {
            Name = decision.Name,
            Version = decision.Version,
            Sector = row?.Sector ?? clusterPolicy?.Sector?.Value,
            Mutexes = row?.Mutexes ?? [.. (clusterPolicy?.Mutexes ?? []).Select(m => m.Value)],
            Decision = decision.Decision.ToCode(),
            Reason = decision.Reason.ToCode(),
            Detail = decision.Detail,
            Status = StatusOf(decision.Reason),
            TargetVersion = decision.TargetVersion,
            NextRun = decision.NextRun,
            SoakDaysNeeded = needed,
            Candidates =
            [
                .. (row?.SoakingUpgrades ?? []).Select(u => new CandidateView(
                    u.Version,
                    StateOf(u, needed),
                    u.SoakDays,
                    [.. workloads.Select(w => new WorkloadSoakView(w, SoakLedger.RoundedSoakDays(versionData, u.Version, new Workload(w)), needed))])
                {
                    StartedHoursAgo = u.StartedHoursAgo,
                }),
            ],
        };
    }

    // The report's 🎉 means "soaked enough"; whether the cluster upgrades is the decision's word, so
    // the view calls such a version soaked and leaves "ready" to the decision.
    private static CandidateState StateOf(SoakingUpgrade upgrade, int needed) => upgrade.Mark switch
    {
        SoakMark.Scheduled => CandidateState.Scheduled,
        SoakMark.Upgrading => CandidateState.Upgrading,
        SoakMark.LongUpgrade => CandidateState.LongUpgrade,
        _ => upgrade.SoakDays >= needed ? CandidateState.Soaked : CandidateState.Soaking,
    };

    private static ClusterStatus StatusOf(Reason reason) => reason switch
    {
        Reason.Scheduled or Reason.NodePoolUpgrade or Reason.UpgradeInProgress => ClusterStatus.Upgrading,
        Reason.NoUpgradesAvailable => ClusterStatus.Current,
        Reason.Blocked or Reason.VersionGate or Reason.NotInOcm or Reason.InvalidPolicy => ClusterStatus.Attention,
        _ => ClusterStatus.Waiting,
    };

    /// <summary>The policy's sectors in dependency order (a sector after those it depends on; ties by name).</summary>
    private static ImmutableArray<SectorView> Sectors(OrganizationPolicy? policy, ImmutableArray<ClusterView> clusters, string? newest)
    {
        if (policy is null)
        {
            return [];
        }

        var remaining = policy.Sectors.OrderBy(s => s.Name).ToList();
        var placed = new List<Sector>();
        while (remaining.Count > 0)
        {
            // A cycle is a validation error; its sectors still show, by name, after the rest.
            var next = remaining.FirstOrDefault(s => s.Dependencies.All(d => placed.Any(p => p.Name == d) || !remaining.Any(r => r.Name == d)))
                ?? remaining[0];
            placed.Add(next);
            remaining.Remove(next);
        }

        return
        [
            .. placed.Select(s =>
            {
                var members = clusters.Where(c => c.Sector == s.Name.Value).ToList();
                return new SectorView(s.Name.Value, [.. s.Dependencies.Select(d => d.Value)], members.Count(c => newest is not null && c.Version == newest), members.Count);
            }),
        ];
    }
}
