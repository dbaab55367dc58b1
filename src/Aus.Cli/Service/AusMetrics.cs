using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Aus.Application.Notifications;
using Aus.Application.Safety;
using Aus.Application.Ports;
using Aus.Application.Reconcile;
using Aus.Domain.Controls;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Reporting;
using Aus.Ocm;
using Prometheus;

namespace Aus.Cli.Service;

/// <summary>
/// The service's Prometheus metrics: those qontract-reconcile's AUS exports, with the labels
/// integration and ocm_env first, and aus's own. Gauges describe the last pass: every pass
/// replaces the gauge series of its environment. Counters accumulate. One registry per instance, so
/// several services (tests, replicas in one process) never share series; the process and runtime
/// series (process_*, dotnet_*) that prometheus-net puts only into its default registry are added
/// to each one.
/// </summary>
internal sealed class AusMetrics
{
    /// <summary>The integration label of the file-based organization flavour of the scheduler.</summary>
    public const string FileIntegration = "ocm-upgrade-scheduler-org";

    /// <summary>The integration label of the flavour whose policies are OCM labels (the SRE capability).</summary>
    public const string LabelIntegration = "advanced-upgrade-scheduler";

    private readonly object _sync = new();
    private readonly Counter _environmentErrors;
    private readonly Counter _reconciled;
    private readonly Counter _reconcileErrors;
    private readonly Counter _ocmRequests;
    private readonly Counter _actions;
    private readonly Counter _serviceLogs;
    private readonly Counter _passes;
    private readonly Counter _healthProviderFailures;
    private readonly Counter _notifications;
    private readonly Histogram _passDuration;
    private readonly Gauge _lastPass;
    private readonly Gauge _lastPassOrganizations;
    private readonly List<PassGauge> _gauges = [];
    private readonly PassGauge _validationErrors;
    private readonly PassGauge _clusterInfo;
    private readonly PassGauge _health;
    private readonly PassGauge _remainingSoak;
    private readonly PassGauge _versionData;
    private readonly PassGauge _missingGates;
    private readonly PassGauge _channelSwitch;
    private readonly PassGauge _addonInfo;
    private readonly PassGauge _addonRemainingSoak;
    private readonly PassGauge _clustersHeld;
    private readonly PassGauge _pauses;
    private readonly PassGauge _haltedVersions;

    /// <summary>The value of every series' integration label.</summary>
    public string Integration { get; }

    public AusMetrics(string integration = FileIntegration)
    {
        Integration = integration;
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);
        string[] Labels(params string[] own) => ["integration", "ocm_env", .. own];

        _environmentErrors = factory.CreateCounter("aus_ocm_environment_errors_total", "Passes in which an OCM environment could not be processed.", Labels());
        _reconciled = factory.CreateCounter("aus_organization_reconciled_total", "Organizations processed.", Labels("org_id"));
        _reconcileErrors = factory.CreateCounter("aus_organization_reconcile_errors_total", "Organizations whose processing failed (OCM or store errors).", Labels("org_id"));
        _ocmRequests = factory.CreateCounter("aus_ocm_requests_total", "HTTP requests to OCM by endpoint template and status.", Labels("endpoint", "status"));
        _actions = factory.CreateCounter("aus_actions_total", "Actions carried out in OCM by kind and result.", Labels("kind", "result"));
        _serviceLogs = factory.CreateCounter("aus_service_logs_sent_total", "Validation service logs posted to OCM.", Labels());
        _healthProviderFailures = factory.CreateCounter(
            "aus_health_provider_failures_total",
            "Passes in which an organization's health provider did not answer (its clusters then count as unhealthy); +0 when it answered.",
            Labels("org_id", "provider"));
        _notifications = factory.CreateCounter(
            "aus_notifications_total",
            "Notifications by sink, event and result (delivered, failed, dropped, already-claimed, not-announced, dry-run).",
            Labels("sink", "event", "result"));
        _passes = factory.CreateCounter("aus_passes_total", "Reconcile passes by result (ok, failed: an organization failed, error: the pass could not run).", ["integration", "result"]);
        _passDuration = factory.CreateHistogram(
            "aus_pass_duration_seconds",
            "Duration of a reconcile pass per OCM environment.",
            Labels(),
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.05, 2, 14) });
        _lastPass = factory.CreateGauge("aus_last_pass_timestamp_seconds", "Unix time at which the last pass ended (real time).", ["integration"]);
        _lastPassOrganizations = factory.CreateGauge("aus_pass_organizations", "Organizations of the last pass by what this replica did with them.", Labels("state"));

        _validationErrors = Pass(factory.CreateGauge("aus_organization_validation_errors", "Clusters with errors plus organization errors.", Labels("org_id")));
        _clusterInfo = Pass(factory.CreateGauge(
            "aus_cluster_upgrade_policy_info",
            "A cluster's upgrade policy.",
            Labels("cluster_uuid", "org_id", "org_name", "channel", "current_version", "cluster_name", "schedule", "sector", "mutexes", "soak_days", "workloads", "product", "hypershift")));
        _health = Pass(factory.CreateGauge("aus_cluster_health_state", "1 when the health source reports no error for the cluster (enforced or not), else 0.", Labels("cluster_uuid", "health_source")));
        _remainingSoak = Pass(factory.CreateGauge(
            "aus_cluster_version_remaining_soak_days",
            "Days an available upgrade still has to soak; -1 scheduled, -2 upgrading, -3 upgrading for 6 h or more, -4 blocked.",
            Labels("cluster_uuid", "soaking_version")));
        _versionData = Pass(factory.CreateGauge("aus_organization_version_data", "The organization's own soak days per version and workload.", Labels("org_id", "version", "workload")));
        _missingGates = Pass(factory.CreateGauge("aus_cluster_missing_version_gate_agreements", "Version gate agreements a cluster still needs.", Labels("org_id", "cluster_uuid", "version_prefix")));
        _channelSwitch = Pass(factory.CreateGauge("aus_cluster_channel_switch", "1 after a successful channel switch in the last pass.", Labels("org_id", "cluster_uuid", "from_channel", "to_channel")));
        _addonInfo = Pass(factory.CreateGauge(
            "aus_addon_upgrade_policy_info",
            "A cluster's upgrade policy for one of its add-ons; current_version is the add-on's version.",
            Labels("cluster_uuid", "org_id", "org_name", "channel", "current_version", "cluster_name", "schedule", "sector", "mutexes", "soak_days", "workloads", "product", "hypershift", "addon")));
        _addonRemainingSoak = Pass(factory.CreateGauge(
            "aus_addon_version_remaining_soak_days",
            "Days an add-on's available upgrade still has to soak; -1 scheduled, -2 upgrading, -3 upgrading for 6 h or more, -4 blocked.",
            Labels("cluster_uuid", "soaking_version", "addon")));
        _clustersHeld = Pass(factory.CreateGauge(
            "aus_organization_clusters_held",
            "Clusters a rollout safety control holds back, by reason: paused, frozen, awaiting-approval, version-halted.",
            Labels("org_id", "reason")));
        _pauses = Pass(factory.CreateGauge("aus_organization_pause", "1 for each pause in force (scope organization, sector, cluster or version).", Labels("org_id", "scope", "target")));
        _haltedVersions = Pass(factory.CreateGauge("aus_organization_version_halted", "1 for each version halted in the organization after failed upgrades.", Labels("org_id", "version")));
    }

    public CollectorRegistry Registry { get; }

    /// <summary>Makes the environment's counters exist from the start (an alert on a missing series is brittle).</summary>
    public void RegisterEnvironment(string environment)
    {
        _environmentErrors.WithLabels(Integration, environment).Inc(0);
    }

    public void EnvironmentFailed(string environment)
    {
        _environmentErrors.WithLabels(Integration, environment).Inc();
    }

    public void PassEnded(string result, DateTimeOffset at)
    {
        _passes.WithLabels(Integration, result).Inc();
        _lastPass.WithLabels(Integration).Set(at.ToUnixTimeMilliseconds() / 1000.0);
    }

    public void OcmCalls(string environment, OcmCallCounts calls)
    {
        foreach (var call in calls.Calls)
        {
            _ocmRequests.WithLabels(Integration, environment, call.Endpoint, call.Status).Inc(call.Count);
        }
    }

    /// <summary>Counts what became of one notification at one sink (called from the notifier's background workers).</summary>
    public void Notification(NotificationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var environment = outcome.Notification.Environment;
        var result = JsonNamingPolicy.KebabCaseLower.ConvertName(outcome.Result.ToString());
        _notifications.WithLabels(Integration, environment.Value, outcome.Sink, outcome.Notification.Event.Name(), result).Inc();
    }

    /// <summary>Records one environment's pass and replaces that environment's gauges.</summary>
    public void RecordPass(string environment, PassReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_sync)
        {
            foreach (var gauge in _gauges)
            {
                gauge.Begin(environment);
            }

            _passDuration.WithLabels(Integration, environment).Observe(report.Duration.TotalSeconds);
            _lastPassOrganizations.WithLabels(Integration, environment, "processed").Set(report.Organizations.Count(o => o.Processed));
            _lastPassOrganizations.WithLabels(Integration, environment, "held-elsewhere").Set(report.Organizations.Count(o => o.HeldElsewhere));
            _lastPassOrganizations.WithLabels(Integration, environment, "already-processed").Set(report.Organizations.Count(o => o.AlreadyProcessed));
            foreach (var outcome in report.Organizations.Where(o => o.Processed))
            {
                _reconciled.WithLabels(Integration, environment, outcome.OrgId.Value).Inc();
                _reconcileErrors.WithLabels(Integration, environment, outcome.OrgId.Value).Inc(outcome.Failure is null && outcome.Results.All(r => r.Outcome != ActionOutcome.Failed) ? 0 : 1);
                _serviceLogs.WithLabels(Integration, environment).Inc(outcome.ServiceLogsSent);
                foreach (var result in outcome.Results)
                {
                    _actions.WithLabels(Integration, environment, ActionNames.Of(result.Action), ResultLabel(result.Outcome)).Inc();
                }

                RecordHealthProviders(environment, outcome);
                if (outcome.Plan is { } plan)
                {
                    RecordOrganization(environment, report.Now, plan, outcome);
                }
            }

            foreach (var gauge in _gauges)
            {
                gauge.End(environment);
            }
        }
    }

    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken) =>
        await Registry.CollectAndExportAsTextAsync(stream, cancellationToken);

    private void RecordOrganization(string environment, DateTimeOffset now, OrganizationPlan plan, OrganizationOutcome outcome)
    {
        string[] L(params string[] own) => [Integration, environment, .. own];
        var clustersWithErrors = plan.Errors.Where(e => e.Cluster is not null).Select(e => e.Cluster!).ToHashSet(StringComparer.Ordinal);
        var rejected = outcome.RejectedEdit.Where(e => e.Cluster is not null).Select(e => e.Cluster!).Where(c => !clustersWithErrors.Contains(c)).Distinct(StringComparer.Ordinal).Count()
            + outcome.RejectedEdit.Count(e => e.Cluster is null);
        _validationErrors.Set(environment, L(plan.OrgId.Value), clustersWithErrors.Count + plan.Errors.Count(e => e.Cluster is null) + rejected);

        foreach (var (version, workloads) in plan.History?.Versions ?? VersionHistory.Empty.Versions)
        {
            foreach (var (workload, soak) in workloads)
            {
                _versionData.Set(environment, L(plan.OrgId.Value, version, workload.Value), soak.SoakDays);
            }
        }

        // The planner's remaining-soak rows: the clusters in OCM without an error of their own, in policy order.
        foreach (var row in plan.RemainingSoak)
        {
            var (clusterPolicy, cluster) = (row.Policy, row.Cluster);
            var uuid = cluster.ExternalId;
            _clusterInfo.Set(environment, L(
                uuid,
                plan.OrgId.Value,
                plan.Name,
                cluster.Channel.Value,
                row.CurrentVersion,
                clusterPolicy.Name,
                clusterPolicy.Schedule.Expression,
                clusterPolicy.Sector?.Value ?? string.Empty,
                string.Join(',', clusterPolicy.Mutexes.Select(m => m.Value)),
                (clusterPolicy.SoakDays ?? 0).ToString(CultureInfo.InvariantCulture),
                string.Join(',', clusterPolicy.Workloads.Select(w => w.Value)),
                cluster.Product,
                cluster.Hypershift ? "true" : "false"), 1);
            // Every source asked in the pass has a series (1: no error), and every source with an error (0).
            var failing = cluster.HealthErrors.Select(e => e.Source).ToHashSet(StringComparer.Ordinal);
            foreach (var source in (outcome.Health?.Asked ?? []).Concat(failing).Distinct(StringComparer.Ordinal))
            {
                _health.Set(environment, L(uuid, source), failing.Contains(source) ? 0 : 1);
            }

            foreach (var remaining in row.Remaining)
            {
                _remainingSoak.Set(environment, L(uuid, remaining.Version), remaining.Days);
            }

            RecordAddons(environment, plan, row);
        }

        RecordControls(environment, now, plan, outcome.Controls);

        foreach (var gate in plan.Actions.OfType<AgreeVersionGate>().GroupBy(g => (g.ClusterId.Value, g.VersionPrefix)))
        {
            _missingGates.Set(environment, L(plan.OrgId.Value, gate.Key.Item1, gate.Key.VersionPrefix), gate.Count());
        }

        var ocm = (outcome.Fleet?.Clusters ?? []).GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var result in outcome.Results.Where(r => r.Outcome is ActionOutcome.Applied or ActionOutcome.AlreadyPresent))
        {
            if (result.Action is SwitchChannel change && ocm.TryGetValue(change.ClusterId, out var cluster))
            {
                _channelSwitch.Set(environment, L(plan.OrgId.Value, cluster.ExternalId, change.From.Value, change.To.Value), 1);
            }
        }
    }

    /// <summary>+1 for each health provider of the organization that failed in the pass, +0 for each that answered.</summary>
    private void RecordHealthProviders(string environment, OrganizationOutcome outcome)
    {
        if (outcome.Health is not { } health)
        {
            return;
        }

        foreach (var provider in health.Asked.Distinct(StringComparer.Ordinal))
        {
            _healthProviderFailures.WithLabels(Integration, environment, outcome.OrgId.Value, provider).Inc(health.Failed.Contains(provider) ? 1 : 0);
        }
    }

    /// <summary>The add-on series of one cluster: its ready add-ons the catalog knows, with the soak data the add-on's pass decided with.</summary>
    private void RecordAddons(string environment, OrganizationPlan plan, ClusterSoakRow row)
    {
        var (clusterPolicy, cluster) = (row.Policy, row.Cluster);
        foreach (var addon in row.Addons)
        {
            _addonInfo.Set(environment, [
                Integration, environment,
                cluster.ExternalId,
                plan.OrgId.Value,
                plan.Name,
                cluster.Channel.Value,
                addon.Version,
                clusterPolicy.Name,
                clusterPolicy.Schedule.Expression,
                clusterPolicy.Sector?.Value ?? string.Empty,
                string.Join(',', clusterPolicy.Mutexes.Select(m => m.Value)),
                (clusterPolicy.SoakDays ?? 0).ToString(CultureInfo.InvariantCulture),
                string.Join(',', clusterPolicy.Workloads.Select(w => w.Value)),
                cluster.Product,
                cluster.Hypershift ? "true" : "false",
                addon.Addon], 1);
            foreach (var remaining in addon.Remaining)
            {
                _addonRemainingSoak.Set(environment, [Integration, environment, cluster.ExternalId, remaining.Version, addon.Addon], remaining.Days);
            }
        }
    }

    /// <summary>What the rollout safety controls hold: clusters by reason, the pauses in force, the halted versions.</summary>
    private void RecordControls(string environment, DateTimeOffset now, OrganizationPlan plan, RolloutControls controls)
    {
        foreach (var reason in ControlHolds.Reasons)
        {
            _clustersHeld.Set(environment, [Integration, environment, plan.OrgId.Value, reason.ToCode()], ControlHolds.Count(plan, reason));
        }

        foreach (var pause in controls.Pauses.Where(p => p.IsActiveAt(now)))
        {
            _pauses.Set(environment, [Integration, environment, plan.OrgId.Value, pause.Scope.ToString().ToLowerInvariant(), pause.Target ?? string.Empty], 1);
        }

        foreach (var version in controls.HaltedVersions)
        {
            _haltedVersions.Set(environment, [Integration, environment, plan.OrgId.Value, version], 1);
        }
    }

    private static string ResultLabel(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Applied => "applied",
        ActionOutcome.Refused => "refused",
        ActionOutcome.AlreadyPresent => "already-present",
        ActionOutcome.Failed => "failed",
        _ => "dry-run",
    };

    private PassGauge Pass(Gauge gauge)
    {
        var pass = new PassGauge(gauge);
        _gauges.Add(pass);
        return pass;
    }

    /// <summary>A gauge whose series are those set in the environment's last pass; older ones are removed.</summary>
    private sealed class PassGauge(Gauge gauge)
    {
        private readonly Dictionary<string, HashSet<ImmutableArray<string>>> _previous = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<ImmutableArray<string>>> _current = new(StringComparer.Ordinal);

        public void Begin(string environment) => _current[environment] = new HashSet<ImmutableArray<string>>(LabelComparer.Instance);

        public void Set(string environment, string[] labels, double value)
        {
            gauge.WithLabels(labels).Set(value);
            _current[environment].Add([.. labels]);
        }

        public void End(string environment)
        {
            var now = _current[environment];
            foreach (var old in _previous.GetValueOrDefault(environment) ?? [])
            {
                if (!now.Contains(old))
                {
                    gauge.RemoveLabelled([.. old]);
                }
            }

            _previous[environment] = now;
        }
    }

    private sealed class LabelComparer : IEqualityComparer<ImmutableArray<string>>
    {
        public static readonly LabelComparer Instance = new();

        public bool Equals(ImmutableArray<string> x, ImmutableArray<string> y) => x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(ImmutableArray<string> obj)
        {
            var hash = default(HashCode);
            foreach (var item in obj)
            {
                hash.Add(item, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
