using System.Collections.Immutable;
using Aus.Application.Inputs;
using Aus.Application.Reconcile;
using Aus.Application.Rollout;
using Aus.Cli.Output;
using Aus.Cli.Service;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Versions;
using Aus.Ocm;
using Aus.Ocm.Actions;
using Aus.Ocm.Configuration;
using Aus.Ocm.Ports;
using Aus.Policies.Organizations;
using Aus.Simulator;
using Aus.Storage;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Demo;

/// <summary>
/// Runs the demo: the OCM simulator in process, a SQLite store in a temporary directory, and the
/// same <see cref="ReconcilePass"/> that `aus run` and `aus serve` use, pass after pass on the
/// simulator's virtual clock, until every cluster the release is offered to runs it.
/// </summary>
/// <param name="dashboard">Where each pass goes for `--listen`'s dashboard, if anywhere.</param>
internal sealed class DemoRunner(DemoSettings settings, DemoInputs inputs, IDemoDisplay display, TimeProvider time, ILoggerFactory loggerFactory, DashboardState? dashboard = null)
{
    private const string Owner = "aus-demo";

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var start = inputs.StartTime(settings, time);
        var channels = ReleaseChannels(settings);
        await using var simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetYaml = inputs.FleetYaml, InitialTime = start, UpgradeDuration = settings.UpgradeDuration },
            cancellationToken);
        simulator.AddRelease(settings.Release, channels);
        if (settings.Addons && settings.UsesBundledExample)
        {
            foreach (var (addon, version) in DemoSettings.BuiltInAddonVersions)
            {
                simulator.PublishAddonVersion(addon, version);
            }
        }

        var directory = Directory.CreateTempSubdirectory("aus-demo-");
        try
        {
            var statePath = Path.Combine(directory.FullName, "state.db");
            return await RunAsync(simulator, statePath, start, channels, cancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private async Task<DemoResult> RunAsync(OcmSimulator simulator, string statePath, DateTimeOffset start, IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        if (!StateLocation.TryParse(statePath, out var location, out var error))
        {
            throw new InvalidOperationException($"the demo's state file {statePath} is not usable: {error}");
        }

        await using var store = await StateStore.OpenAsync(location!, new StateStoreOptions { ExclusiveProcess = true }, cancellationToken);
        await store.ImportHistoriesAsync(
            [.. StoredHistories()],
            cancellationToken);

        using var client = CreateClient(simulator);
        var documents = inputs.Documents;
        var policies = documents.SelectMany(d => d.Policy!.Clusters).GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var release = OpenShiftVersion.Parse(settings.Release);

        // The clusters the release is offered to (their channel is one it is in): the rollout is over when they all run it.
        var addonOrgIds = documents.Where(d => d.Policy!.AddonManagedUpgrades).Select(d => d.Policy!.OrgId).ToHashSet();
        var initial = await client.ReadFleetAsync([.. documents.Select(d => d.Policy!.OrgId)], addonOrgIds, cancellationToken);
        var rollout = new ReleaseRollout(release, policies, initial.Snapshot.Organizations.SelectMany(o => o.Clusters), start);

        // The add-ons of the organizations that manage add-on upgrades: each ready one goes to its catalog version.
        var addons = new DemoAddonTracker(
            initial.Snapshot.Organizations.Where(o => addonOrgIds.Contains(o.OrgId)).SelectMany(o => o.Clusters),
            initial.Snapshot.AddonVersions,
            policies,
            start);

        IReadOnlyList<OrganizationConfig> organizations = [.. documents.Select(InputFiles.ToConfig)];
        var forecast = DemoForecast.Run(settings, inputs, organizations, initial.Snapshot, channels, start);
        var introduction = Introduce(simulator, statePath, start, channels, documents) with
        {
            Forecast = forecast,
            AddonVersions = addons.Targets,
            AddonVersionsPublished = settings.Addons && settings.UsesBundledExample,
        };
        await display.StartAsync(introduction, cancellationToken);

        var ports = new ReconcilePorts(new OcmFleetSource(client), new OcmActionSink(client), new StorePassStore(store, Owner));
        var reconcile = new ReconcilePass(ports, new ReconcileSettings { IncludeReport = dashboard is not null }, loggerFactory.CreateLogger("aus.demo"));
        await using var notifications = DemoNotifications.Start(settings.NotifyUrl, store, loggerFactory.CreateLogger("aus.notifications"));
        var horizon = start + TimeSpan.FromDays(settings.Days);
        var transitions = ImmutableArray.CreateBuilder<SimEvent>();
        var passes = 0;
        var converged = rollout.Converged && addons.Converged;
        try
        {
            while (!converged && simulator.Clock.Now + settings.PassInterval <= horizon)
            {
                passes++;
                var now = simulator.Clock.Now;
                var report = await reconcile.RunAsync(organizations, now, cancellationToken);
                dashboard?.Record(report.Now, report.Duration, report.Organizations, organizations, report.Request is { } request ? [request] : []);
                notifications?.Notify(report);
                var pass = Describe(report, passes, start, policies, rollout) with
                {
                    Addons = [.. report.Organizations.Where(o => o.Plan is not null).SelectMany(o => addons.Describe(o.Plan!, o.Fleet)).OrderBy(a => a.Addon, StringComparer.Ordinal).ThenBy(a => Order(a.Cluster))],
                    AddonSoak = addons.Any ? addons.Soak(report.Organizations.Where(o => o.Plan is not null).Select(o => o.Plan!)) : [],
                };

                var events = simulator.Clock.Advance(settings.PassInterval);
                foreach (var transition in events.Select(DemoTransitions.Of).OfType<UpgradeTransition>())
                {
                    rollout.Track(transition);
                    addons.Track(transition);
                }

                transitions.AddRange(events);
                await display.ShowPassAsync(pass with { Transitions = [.. events] }, cancellationToken);
                converged = rollout.Converged && addons.Converged;
                if (!converged && settings.PassPause > TimeSpan.Zero)
                {
                    await Task.Delay(settings.PassPause, time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: show how far the rollout got.
        }

        if (notifications is not null && converged)
        {
            // The last upgrade completed after the last pass: one more look, which changes nothing
            // (a dry run, not shown), lets the notifier see it and post its upgrade-completed.
            var closing = new ReconcilePass(ports, new ReconcileSettings { DryRun = true }, loggerFactory.CreateLogger("aus.demo"));
            notifications.Notify(await closing.RunAsync(organizations, simulator.Clock.Now, CancellationToken.None));
        }

        if (settings.ReportPath is not null)
        {
            await WriteReportAsync(client, store, documents, simulator.Clock.Now, settings.ReportPath, CancellationToken.None);
        }

        var result = new DemoResult
        {
            Notifications = notifications is null ? default : await notifications.FinishAsync(),
            Release = settings.Release,
            Start = start,
            End = simulator.Clock.Now,
            Passes = passes,
            Converged = converged,
            Forecast = forecast,
            Transitions = transitions.ToImmutable(),
            Addons = addons.Summaries(Order),
            FinalFleetJson = simulator.FleetJson(),
            Clusters =
            [
                .. policies.Values.Select(p => new DemoClusterSummary
                {
                    Name = p.Name,
                    Sector = p.Sector?.Value,
                    Mutexes = [.. p.Mutexes.Select(m => m.Value)],
                    FromVersion = rollout.FromVersion(p.Name),
                    ReleaseStartedAt = rollout.StartedAt(p.Name),
                    ReleaseAt = rollout.ReachedAt(p.Name),
                    SoakDaysWhenScheduled = rollout.SoakDaysWhenScheduled(p.Name),
                    RequiredSoakDays = p.SoakDays,
                    InScope = rollout.IsInScope(p.Name),
                }),
            ],
        };
        await display.FinishAsync(result, CancellationToken.None);
        return result;
    }

    public static IReadOnlyList<string> ReleaseChannels(DemoSettings settings) =>
        settings.Channels.Count > 0
            ? settings.Channels
            : [$"stable-{OpenShiftVersion.Parse(settings.Release).Major}.{OpenShiftVersion.Parse(settings.Release).Minor}"];

    private DemoPass Describe(
        PassReport report,
        int number,
        DateTimeOffset start,
        Dictionary<string, ClusterPolicy> policies,
        ReleaseRollout rollout)
    {
        var clusters = ImmutableArray.CreateBuilder<DemoClusterState>();
        var actions = ImmutableArray.CreateBuilder<string>();
        var failures = ImmutableArray.CreateBuilder<string>();
        foreach (var organization in report.Organizations)
        {
            if (organization.Failure is not null)
            {
                failures.Add($"{organization.Name}: {organization.Failure}");
            }

            var plan = organization.Plan;
            if (plan is null)
            {
                continue;
            }

            failures.AddRange(plan.Errors.Select(e => $"{organization.Name}: {(e.Cluster is null ? string.Empty : e.Cluster + ": ")}{e.Message}"));
            rollout.Record(organization);

            foreach (var decision in plan.Clusters.Where(c => c.Addon is null))
            {
                var policy = policies.GetValueOrDefault(decision.Name);
                clusters.Add(new DemoClusterState
                {
                    Name = decision.Name,
                    Sector = policy?.Sector?.Value,
                    Mutexes = policy is null ? [] : [.. policy.Mutexes.Select(m => m.Value)],
                    Version = rollout.VersionOf(decision.Name) ?? decision.Version,
                    Decision = decision.Decision,
                    Reason = decision.Reason,
                    TargetVersion = decision.TargetVersion,
                    Detail = decision.Detail,
                    Upgrading = rollout.UpgradingTo(decision.Name),
                });
            }

            foreach (var result in organization.Results)
            {
                actions.Add(result.Succeeded
                    ? $"{PlanTableWriter.Describe(result.Action)}"
                    : $"{PlanTableWriter.Describe(result.Action)} failed: {result.Outcome}: {result.Message}");
            }
        }

        return new DemoPass
        {
            Number = number,
            Now = report.Now,
            Elapsed = report.Now - start,
            Clusters = [.. clusters.OrderBy(c => Order(c.Name))],
            Actions = actions.ToImmutable(),
            Failures = failures.ToImmutable(),
            ReleaseSoak = rollout.Soak(report.Organizations.Where(o => o.Plan is not null).Select(o => o.Plan!)),
        };
    }

    /// <summary>Clusters in the order of the organization files (stage first in the example), not the planner's.</summary>
    private int Order(string name)
    {
        var index = inputs.Documents.SelectMany(d => d.Policy!.Clusters).Select(c => c.Name).ToList().IndexOf(name);
        return index < 0 ? int.MaxValue : index;
    }

    private DemoIntroduction Introduce(OcmSimulator simulator, string statePath, DateTimeOffset start, IReadOnlyList<string> channels, IReadOnlyList<OrganizationDocument> documents) => new()
    {
        OcmUrl = simulator.BaseUrl.ToString().TrimEnd('/'),
        StatePath = statePath,
        Release = settings.Release,
        Channels = channels,
        Start = start,
        PassInterval = settings.PassInterval,
        Speed = settings.Speed,
        Days = settings.Days,
        Organizations = [.. documents.Select(d => DescribeOrganization(d.Policy!))],
        RequiredSoak = documents
            .SelectMany(d => d.Policy!.Clusters)
            .SelectMany(c => c.Workloads.Select(w => (Workload: w.Value, Days: c.SoakDays ?? 0)))
            .GroupBy(x => x.Workload, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Max(x => x.Days), StringComparer.Ordinal),
    };

    /// <summary>"sectors-org (org-sectors): stage [stage-1, stage-2] -> prod-blue [prod-1, prod-2]", sectors in dependency order.</summary>
    private static string DescribeOrganization(OrganizationPolicy policy)
    {
        var depth = new Dictionary<SectorName, int>();
        int Depth(SectorName name, int guard)
        {
            if (depth.TryGetValue(name, out var known))
            {
                return known;
            }

            var sector = policy.Sectors.FirstOrDefault(s => s.Name == name);
            var value = sector is null || sector.Dependencies.IsEmpty || guard > policy.Sectors.Length
                ? 0
                : 1 + sector.Dependencies.Max(d => Depth(d, guard + 1));
            depth[name] = value;
            return value;
        }

        var groups = policy.Clusters
            .GroupBy(c => c.Sector)
            .OrderBy(g => g.Key is { } s ? Depth(s, 0) : int.MaxValue)
            .Select(g => $"{(g.Key is { } s ? s.Value : "no sector")} [{string.Join(", ", g.Select(c => c.Name))}]");
        return $"{policy.Name} ({policy.OrgId}): {Output.Plural.Count(policy.Clusters.Length, "cluster")}: {string.Join(" -> ", groups)}";
    }

    /// <summary>
    /// The histories as the store keeps them, under their organization's environment: the
    /// organization's own ("ORGID") and its add-ons' ("ORGID/ADDON_ID", from --history ORGID/ADDON_ID=FILE).
    /// </summary>
    private IEnumerable<StoredHistory> StoredHistories() =>
        inputs.Documents.Select(d => d.Policy!).SelectMany(policy => inputs.Histories
            .Where(h => h.Key == policy.OrgId.Value || AddonHistoryKey.AddonOf(policy.OrgId, h.Key) is not null)
            .Select(h => new StoredHistory(new HistoryKey(policy.Environment.Value, policy.OrgId.Value, AddonHistoryKey.AddonOf(policy.OrgId, h.Key)), h.Value)));

    private static OcmClient CreateClient(OcmSimulator simulator)
    {
        // Only the simulator's credentials: the demo must never pick up OCM_* variables meant for a real OCM.
        var options = OcmClientOptionsFactory.FromEnvironment(
            name => name switch
            {
                OcmClientOptionsFactory.ClientIdVariable => simulator.ClientId,
                OcmClientOptionsFactory.ClientSecretVariable => simulator.ClientSecret,
                _ => null,
            },
            new OcmConnectionOverrides { OcmUrl = simulator.BaseUrl.ToString(), TokenUrl = simulator.TokenUrl.ToString() });
        return OcmClient.Create(options.Options ?? throw new InvalidOperationException("simulator connection: " + string.Join("; ", options.Errors)));
    }

    private async Task WriteReportAsync(OcmClient client, IStateStore store, IReadOnlyList<OrganizationDocument> documents, DateTimeOffset now, string path, CancellationToken cancellationToken)
    {
        var organizations = documents.Select(InputFiles.ToConfig).ToList();
        var fleet = await new OcmFleetSource(client).ReadFleetAsync([.. organizations.Select(o => o.OrgId)], cancellationToken);
        var histories = new Dictionary<string, VersionHistory>(StringComparer.Ordinal);
        foreach (var organization in organizations)
        {
            histories[organization.OrgId.Value] = await store.GetHistoryAsync(new HistoryKey(organization.Policy.Environment.Value, organization.OrgId.Value), cancellationToken);
        }

        var inputs = PassInputs.Build(organizations, fleet, histories, now);
        var plan = FleetPlanner.Plan(inputs.Request with { IncludeReport = true });
        await AtomicFile.WriteAllTextAsync(path, ReportFormat.Write(path, plan, inputs.Request.Organizations.Select(o => o.Policy)), cancellationToken);
    }
}
