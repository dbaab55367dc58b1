using System.Collections.Immutable;
using System.Diagnostics;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Ocm;
using Aus.Ocm.Actions;
using Aus.Policies.Organizations;
using Aus.Storage;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Reconcile;

/// <summary>
/// One reconcile pass: read the fleet from OCM, check the soak data in, plan, act in OCM, and keep
/// the history with the pass's audit records. Organizations are isolated: one failing does not stop
/// the others. The same code runs `aus run`, every pass of `aus serve`, and the demo.
/// </summary>
internal sealed partial class Reconciler(
    IOcmFleetReader fleetReader,
    IOcmActionApplier applier,
    IPassState state,
    ReconcileSettings settings,
    ILogger logger,
    ValidationFeedback? feedback = null)
{
    private readonly Dictionary<string, string> _environments = new(StringComparer.Ordinal);

    public async Task<PassReport> RunPassAsync(IReadOnlyList<OrganizationDocument> documents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            _environments[document.Policy!.OrgId] = document.Policy.Environment;
        }

        var outcomes = new Dictionary<string, OrganizationOutcome>(StringComparer.Ordinal);
        var leases = new Dictionary<string, IOrganizationLease?>(StringComparer.Ordinal);
        try
        {
            var owned = new List<OrganizationDocument>();
            foreach (var document in documents)
            {
                var orgId = document.Policy!.OrgId;
                if (settings.UseLeases)
                {
                    var lease = await state.TryAcquireAsync(Key(orgId), cancellationToken);
                    if (lease is null)
                    {
                        LogHeldElsewhere(orgId);
                        outcomes[orgId] = new OrganizationOutcome(orgId, document.Policy.Name) { HeldElsewhere = true, Environment = document.Policy.Environment };
                        continue;
                    }

                    leases[orgId] = lease;
                    if (await ProcessedInThisSlotAsync(orgId, now, cancellationToken))
                    {
                        LogAlreadyProcessed(orgId);
                        outcomes[orgId] = new OrganizationOutcome(orgId, document.Policy.Name) { AlreadyProcessed = true, Environment = document.Policy.Environment };
                        continue;
                    }
                }

                owned.Add(document);
            }

            // Organizations another replica holds are still planned when an owned one inherits their data, never acted on.
            var sources = owned.SelectMany(d => d.Policy!.InheritVersionData.Select(i => i.OrgId)).ToHashSet(StringComparer.Ordinal);
            var planned = documents.Where(d => owned.Contains(d) || sources.Contains(d.Policy!.OrgId)).ToList();
            if (planned.Count == 0)
            {
                return new PassReport(now, [.. documents.Select(d => outcomes[d.Policy!.OrgId])], OcmCallCounts.None, watch.Elapsed);
            }

            var fleet = await fleetReader.ReadFleetAsync([.. planned.Select(d => d.Policy!.OrgId)], cancellationToken);
            foreach (var warning in fleet.Warnings)
            {
                LogOcmWarning(warning);
            }

            var failedReads = fleet.Errors.ToDictionary(e => e.OrgId, e => e.Message, StringComparer.Ordinal);
            var inputs = ImmutableArray.CreateBuilder<OrganizationInput>();
            foreach (var document in planned.Where(d => !failedReads.ContainsKey(d.Policy!.OrgId)))
            {
                inputs.Add(await ToInputAsync(document, cancellationToken));
            }

            var plan = FleetPlanner.Plan(new PlanRequest(inputs.ToImmutable(), fleet.Snapshot, now));
            // Organizations act in parallel (each bounded by the client); their commits take turns.
            using var commits = new SemaphoreSlim(1, 1);
            var acted = new OrganizationOutcome[owned.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, owned.Count),
                new ParallelOptions { MaxDegreeOfParallelism = settings.OrganizationsInParallel, CancellationToken = cancellationToken },
                async (index, ct) =>
                {
                    var policy = owned[index].Policy!;
                    if (failedReads.TryGetValue(policy.OrgId, out var message))
                    {
                        LogOrganizationFailed(policy.OrgId, message);
                        acted[index] = new OrganizationOutcome(policy.OrgId, policy.Name) { Failure = message, Environment = policy.Environment };
                        return;
                    }

                    var organization = plan.Organizations.First(o => o.OrgId == policy.OrgId);
                    acted[index] = await ActAsync(organization, fleet.Snapshot.Find(policy.OrgId), leases.GetValueOrDefault(policy.OrgId), now, commits, ct);
                });
            foreach (var outcome in acted)
            {
                outcomes[outcome.OrgId] = outcome;
            }

            return new PassReport(now, [.. documents.Select(d => outcomes[d.Policy!.OrgId])], fleet.Calls, watch.Elapsed);
        }
        finally
        {
            foreach (var lease in leases.Values.OfType<IOrganizationLease>())
            {
                await lease.DisposeAsync();
            }
        }
    }

    private async Task<bool> ProcessedInThisSlotAsync(string orgId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (settings.PassInterval is not { Ticks: > 0 } interval)
        {
            return false;
        }

        var slotStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % interval.Ticks), TimeSpan.Zero);
        var history = await state.GetHistoryAsync(Key(orgId), cancellationToken);
        return history.CheckIn is { } checkIn && checkIn >= slotStart;
    }

    private static string ClusterIdOf(FleetOrganization? clusters, string? name) =>
        name is null ? string.Empty : clusters?.Clusters.FirstOrDefault(c => c.Name == name)?.Id.Value ?? string.Empty;

    private async Task<OrganizationInput> ToInputAsync(OrganizationDocument document, CancellationToken cancellationToken) => new()
    {
        Policy = document.Policy!,
        ClusterNames = document.ClusterNames,
        ValidationErrors = [.. document.Errors.Select(d => new OrganizationMessage(d.Cluster, d.Message))],
        Warnings = [.. document.Warnings.Select(d => new OrganizationMessage(d.Cluster, d.Message))],
        History = await state.GetHistoryAsync(Key(document.Policy!.OrgId), cancellationToken),
    };

    private async Task<OrganizationOutcome> ActAsync(
        OrganizationPlan organization, FleetOrganization? clusters, IOrganizationLease? lease, DateTimeOffset now, SemaphoreSlim commits, CancellationToken cancellationToken)
    {
        var outcome = new OrganizationOutcome(organization.OrgId, organization.Name)
        {
            Plan = organization,
            Fleet = clusters,
            Environment = Key(organization.OrgId).Environment,
        };
        try
        {
            foreach (var error in organization.Errors)
            {
                LogValidationError(organization.OrgId, error.Cluster ?? string.Empty, ClusterIdOf(clusters, error.Cluster), error.Message);
            }

            if (feedback is not null && !settings.DryRun && !organization.Errors.IsEmpty)
            {
                outcome = outcome with { ServiceLogsSent = await feedback.SendAsync(organization, clusters, now, cancellationToken) };
            }

            var results = organization.Actions.IsEmpty
                ? []
                : await applier.ApplyAsync(organization.Actions, settings.DryRun, cancellationToken);
            foreach (var result in results)
            {
                LogAction(organization.OrgId, result.Action.Cluster, result.Action.ClusterId.Value, Describe(result.Action), result.Outcome.ToString(), result.OperationId ?? string.Empty, result.Message ?? string.Empty);
            }

            var audit = results.Select(r => ToAudit(r, organization, now)).ToList();
            if (!settings.DryRun)
            {
                await commits.WaitAsync(cancellationToken);
                try
                {
                    await state.CommitAsync(Key(organization.OrgId), organization.History, audit, lease, cancellationToken);
                }
                finally
                {
                    commits.Release();
                }
            }

            return outcome with { Results = results };
        }
        catch (Exception e) when (e is OcmApiException or LeaseLostException or HttpRequestException or IOException or System.Data.Common.DbException)
        {
            LogOrganizationFailed(organization.OrgId, e.Message);
            return outcome with { Failure = e.Message };
        }
    }

    private AuditRecord ToAudit(OcmActionResult result, OrganizationPlan organization, DateTimeOffset now)
    {
        var action = result.Action;
        var decision = organization.Clusters.FirstOrDefault(c => c.Name == action.Cluster);
        var version = action switch
        {
            CreateUpgradePolicy create => create.Version,
            SwitchChannel channel => channel.To,
            AgreeVersionGate gate => gate.VersionPrefix,
            _ => null,
        };
        var auditResult = result.Outcome switch
        {
            OcmActionOutcome.Applied or OcmActionOutcome.AlreadyPresent => AuditResult.Succeeded,
            OcmActionOutcome.Refused => AuditResult.Refused,
            _ => AuditResult.Failed,
        };
        var reason = result.Succeeded ? decision?.Detail : $"{result.Outcome}: {result.Message}";
        return new AuditRecord(now, Key(organization.OrgId).Environment, organization.OrgId, action.Cluster, Describe(action), version, reason, auditResult, result.OperationId);
    }

    public static string Describe(PlannedAction action) => action switch
    {
        CreateUpgradePolicy { Kind: UpgradePolicyKind.NodePool } => "create-node-pool-upgrade-policy",
        CreateUpgradePolicy { Kind: UpgradePolicyKind.ControlPlane } => "create-control-plane-upgrade-policy",
        CreateUpgradePolicy => "create-upgrade-policy",
        SwitchChannel => "switch-channel",
        AgreeVersionGate => "agree-version-gate",
        _ => action.GetType().Name,
    };

    private HistoryKey Key(string orgId) => new(_environments.GetValueOrDefault(orgId) ?? Aus.Domain.Policies.OrganizationPolicy.DefaultEnvironment, orgId);

    [LoggerMessage(Level = LogLevel.Information, Message = "organization {OrgId}: another replica holds it; skipped in this pass")]
    private partial void LogHeldElsewhere(string orgId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCM: {Warning}")]
    private partial void LogOcmWarning(string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "organization {OrgId} failed in this pass: {Error}")]
    private partial void LogOrganizationFailed(string orgId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "organization {OrgId}: another replica already processed it in this pass; skipped")]
    private partial void LogAlreadyProcessed(string orgId);

    [LoggerMessage(Level = LogLevel.Error, Message = "organization {OrgId} cluster {Cluster} ({ClusterId}): {Error}")]
    private partial void LogValidationError(string orgId, string cluster, string clusterId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "organization {OrgId} cluster {Cluster} ({ClusterId}): {Action} {Outcome} {OperationId} {Detail}")]
    private partial void LogAction(string orgId, string cluster, string clusterId, string action, string outcome, string operationId, string detail);
}
