using System.Collections.Immutable;
using System.Diagnostics;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Microsoft.Extensions.Logging;

namespace Aus.Application.Reconcile;

/// <summary>
/// One reconcile pass over a set of organizations: claim them, read the fleet and the histories,
/// take up the rollout safety controls (recording failed upgrades and halts), plan, act, send
/// validation feedback, and keep each organization's history with its audit entries. Organizations are isolated: anything that goes wrong in one (its fleet read, its
/// history, its actions, its commit, an unexpected exception) fails that one, and the pass goes on.
/// The same pass runs `aus run`, every pass of `aus serve`, and the demo.
/// </summary>
public sealed partial class ReconcilePass
{
    private readonly ReconcilePorts _ports;
    private readonly ReconcileSettings _settings;
    private readonly ILogger _logger;
    private readonly ValidationFeedback? _feedback;
    private readonly OrganizationDeadline _deadline;

    /// <param name="time">The clock of <see cref="ReconcileSettings.OrganizationDeadline"/>; the system's when null.</param>
    public ReconcilePass(ReconcilePorts ports, ReconcileSettings settings, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(settings);
        _ports = settings.DryRun ? ports.AsDryRun() : ports;
        _settings = settings;
        _logger = logger;
        _feedback = _ports.ServiceLogs is { } logs ? new ValidationFeedback(logs, _ports.Store, logger) : null;
        _deadline = new OrganizationDeadline(settings.OrganizationDeadline, time ?? TimeProvider.System);
    }

    public async Task<PassReport> RunAsync(IReadOnlyList<OrganizationConfig> organizations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var started = Stopwatch.GetTimestamp();
        var outcomes = new Dictionary<OrganizationId, OrganizationOutcome>();
        var leases = new Dictionary<OrganizationId, IStoreLease>();
        PlanRequest? request = null;
        PassReport Report(string? failure = null) =>
            new(now, [.. organizations.Select(o => outcomes[o.OrgId])], Stopwatch.GetElapsedTime(started)) { Failure = failure, Request = request };

        try
        {
            var owned = new List<OrganizationConfig>();
            foreach (var organization in organizations)
            {
                outcomes[organization.OrgId] = Outcome(organization);
                try
                {
                    var (skipped, lease) = await _deadline.RunAsync(ct => ClaimAsync(organization, now, ct), cancellationToken);
                    if (lease is not null)
                    {
                        leases[organization.OrgId] = lease;
                    }

                    if (skipped is not null)
                    {
                        outcomes[organization.OrgId] = skipped;
                        continue;
                    }

                    owned.Add(organization);
                }
                catch (Exception e) when (!Cancelled(e, cancellationToken))
                {
                    outcomes[organization.OrgId] = Fail(organization, e);
                }
            }

            // Organizations another replica holds are still planned when an owned one inherits their data, never acted on.
            var sources = owned.SelectMany(o => o.Policy.InheritVersionData.Select(i => i.OrgId)).ToHashSet();
            var planned = organizations.Where(o => owned.Contains(o) || sources.Contains(o.OrgId)).ToList();
            if (owned.Count == 0)
            {
                return Report();
            }

            FleetRead fleet;
            try
            {
                var addonOrgIds = planned.Where(o => o.Policy.AddonManagedUpgrades).Select(o => o.OrgId).ToHashSet();
                fleet = await _deadline.RunAsync(ct => _ports.Fleet.ReadFleetAsync([.. planned.Select(o => o.OrgId)], addonOrgIds, ct), cancellationToken);
            }
            catch (Exception e) when (!Cancelled(e, cancellationToken))
            {
                var failure = $"reading the fleet failed: {e.Message}";
                foreach (var organization in owned)
                {
                    LogOrganizationFailed(organization.OrgId, failure);
                    outcomes[organization.OrgId] = Outcome(organization) with { Failure = failure };
                }

                return Report(failure);
            }

            foreach (var warning in fleet.Warnings)
            {
                LogFleetWarning(warning);
            }

            var failures = new Dictionary<OrganizationId, string>(fleet.Failures);
            var histories = new Dictionary<string, VersionHistory>(StringComparer.Ordinal);
            foreach (var organization in planned.Where(o => !failures.ContainsKey(o.OrgId)))
            {
                try
                {
                    foreach (var (key, history) in await _deadline.RunAsync(ct => ReadHistoriesAsync(organization, fleet, ct), cancellationToken))
                    {
                        histories[key] = history;
                    }
                }
                catch (Exception e) when (!Cancelled(e, cancellationToken))
                {
                    failures[organization.OrgId] = $"reading its history failed: {e.Message}";
                }
            }

            (fleet, var health) = await CheckHealthAsync(planned, fleet, failures, cancellationToken);
            var controls = await ApplyControlsAsync(planned, owned, fleet, failures, now, cancellationToken);
            var inputs = PassInputs.Build([.. planned.Where(o => !failures.ContainsKey(o.OrgId))], fleet, histories, now, controls.Controls);
            request = inputs.Request;
            var plans = FleetPlanner.Plan(inputs.Request with { IncludeReport = _settings.IncludeReport, IncludeRemainingSoak = _settings.IncludeRemainingSoak }).Organizations.ToDictionary(o => o.OrgId);

            // Organizations act in parallel (each bounded by its adapter); their commits take turns.
            using var commits = new SemaphoreSlim(1, 1);
            var acted = new OrganizationOutcome[owned.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, owned.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _settings.OrganizationsInParallel, CancellationToken = cancellationToken },
                async (index, ct) =>
                {
                    var organization = owned[index];
                    if (failures.TryGetValue(organization.OrgId, out var failure))
                    {
                        LogOrganizationFailed(organization.OrgId, failure);
                        acted[index] = Outcome(organization) with { Failure = failure };
                        return;
                    }

                    acted[index] = await ActWithinDeadlineAsync(organization, plans[organization.OrgId], fleet.Snapshot.Find(organization.OrgId), leases.GetValueOrDefault(organization.OrgId), now, commits, ct)
                        with
                        {
                            HaltedVersions = controls.NewlyHalted.GetValueOrDefault(organization.OrgId, []),
                            Controls = controls.Controls.GetValueOrDefault(organization.OrgId) ?? RolloutControls.Empty,
                            Health = health.GetValueOrDefault(organization.OrgId),
                        };
                });
            foreach (var outcome in acted)
            {
                outcomes[outcome.OrgId] = outcome;
            }

            return Report();
        }
        finally
        {
            foreach (var lease in leases.Values)
            {
                await lease.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The lease taken, if any, and why this replica leaves the organization alone in this pass
    /// (null when it is this replica's to process).
    /// </summary>
    private async Task<(OrganizationOutcome? Skipped, IStoreLease? Lease)> ClaimAsync(OrganizationConfig organization, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_settings.UseLeases)
        {
            return (null, null);
        }

        var lease = await _ports.Store.TryAcquireAsync(organization.Key, cancellationToken);
        if (lease is null)
        {
            LogHeldElsewhere(organization.OrgId);
            return (Outcome(organization) with { HeldElsewhere = true }, null);
        }

        try
        {
            if (await ProcessedInThisSlotAsync(organization.Key, now, cancellationToken))
            {
                LogAlreadyProcessed(organization.OrgId);
                return (Outcome(organization) with { AlreadyProcessed = true }, lease);
            }
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }

        return (null, lease);
    }

    /// <summary>With a pass interval, whether the stored check-in already falls in the interval slot <paramref name="now"/> is in.</summary>
    private async Task<bool> ProcessedInThisSlotAsync(OrganizationKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_settings.PassInterval is not { Ticks: > 0 } interval)
        {
            return false;
        }

        var slotStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % interval.Ticks), TimeSpan.Zero);
        var history = await _ports.Store.GetHistoryAsync(key, cancellationToken);
        return history.CheckIn is { } checkIn && checkIn >= slotStart;
    }

    /// <summary>The organization's history and, with add-on managed upgrades, its add-ons' histories, by history key.</summary>
    private async Task<Dictionary<string, VersionHistory>> ReadHistoriesAsync(OrganizationConfig organization, FleetRead fleet, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, VersionHistory>(StringComparer.Ordinal)
        {
            [organization.OrgId.Value] = await _ports.Store.GetHistoryAsync(organization.Key, cancellationToken),
        };
        if (organization.Policy.AddonManagedUpgrades)
        {
            var addonIds = InstalledAddonIds(fleet.Snapshot.Find(organization.OrgId));
            foreach (var (addonId, history) in await _ports.Store.GetAddonHistoriesAsync(organization.Key, addonIds, cancellationToken))
            {
                found[AddonHistoryKey.Of(organization.OrgId, addonId)] = history;
            }
        }

        return found;
    }

    /// <summary>Acts for one organization within its deadline; past it, the organization fails and its work is abandoned.</summary>
    private async Task<OrganizationOutcome> ActWithinDeadlineAsync(
        OrganizationConfig organization, OrganizationPlan plan, FleetOrganization? clusters, IStoreLease? lease, DateTimeOffset now, SemaphoreSlim commits, CancellationToken cancellationToken)
    {
        try
        {
            return await _deadline.RunAsync(ct => ActAsync(organization, plan, clusters, lease, now, commits, ct), cancellationToken);
        }
        catch (OrganizationDeadlineExceededException e)
        {
            LogOrganizationFailed(plan.OrgId, e.Message);
            return Outcome(organization) with { Plan = plan, Fleet = clusters, Failure = e.Message };
        }
    }

    private async Task<OrganizationOutcome> ActAsync(
        OrganizationConfig organization, OrganizationPlan plan, FleetOrganization? clusters, IStoreLease? lease, DateTimeOffset now, SemaphoreSlim commits, CancellationToken cancellationToken)
    {
        var outcome = Outcome(organization) with { Plan = plan, Fleet = clusters, RejectedEdit = plan.RejectedEdit };
        try
        {
            foreach (var error in plan.Errors)
            {
                LogValidationError(plan.OrgId, error.Cluster ?? string.Empty, error.ClusterId?.Value ?? string.Empty, error.Message);
            }

            foreach (var error in plan.RejectedEdit)
            {
                LogRejectedEdit(plan.OrgId, error.Cluster ?? string.Empty, error.ClusterId?.Value ?? string.Empty, error.Message);
            }

            var reported = plan.Errors.AddRange(plan.RejectedEdit);
            if (_feedback is not null && !reported.IsEmpty)
            {
                outcome = outcome with { ServiceLogsSent = await _feedback.SendAsync(plan with { Errors = reported }, clusters, now, cancellationToken) };
            }

            var results = plan.Actions.IsEmpty ? [] : await _ports.Actions.ApplyAsync(plan.Actions, cancellationToken);
            outcome = outcome with { Results = results };
            // The one log record of each action (the OCM adapter's own are Debug): Information, Error when it did not succeed.
            foreach (var result in results)
            {
                var (cluster, clusterId, action, operationId, detail) = (result.Action.Cluster, result.Action.ClusterId.Value, ActionNames.Of(result.Action), result.OperationId ?? string.Empty, result.Message ?? string.Empty);
                if (result.Succeeded)
                {
                    LogAction(plan.OrgId, cluster, clusterId, action, result.Outcome.ToString(), operationId, detail);
                }
                else
                {
                    LogActionFailed(plan.OrgId, cluster, clusterId, action, result.Outcome.ToString(), operationId, detail);
                }
            }

            var audit = results.Select(r => ToAudit(r, organization.Key, plan, now)).ToList();
            await commits.WaitAsync(cancellationToken);
            try
            {
                if (!plan.AddonHistories.IsEmpty)
                {
                    await _ports.Store.CommitAddonHistoriesAsync(organization.Key, plan.AddonHistories, lease, cancellationToken);
                }

                await _ports.Store.CommitAsync(organization.Key, plan.History, audit, lease, cancellationToken);
            }
            finally
            {
                commits.Release();
            }

            return outcome;
        }
        catch (Exception e) when (!Cancelled(e, cancellationToken))
        {
            LogOrganizationFailed(plan.OrgId, e.Message);
            return outcome with { Failure = e.Message };
        }
    }

    private static AuditEntry ToAudit(ActionResult result, OrganizationKey key, OrganizationPlan plan, DateTimeOffset now)
    {
        var action = result.Action;
        var outcome = result.Outcome switch
        {
            ActionOutcome.Applied or ActionOutcome.AlreadyPresent => AuditOutcome.Succeeded,
            ActionOutcome.Refused => AuditOutcome.Refused,
            _ => AuditOutcome.Failed,
        };
        var addon = action switch
        {
            CreateUpgradePolicy create => create.Addon,
            DeleteUpgradePolicy delete => delete.Addon,
            _ => null,
        };
        var reason = result.Succeeded ? plan.Clusters.FirstOrDefault(c => c.ClusterId == action.ClusterId && c.Addon == addon)?.Detail : $"{result.Outcome}: {result.Message}";
        return new AuditEntry(now, key, action.Cluster, ActionNames.Of(action), ActionNames.TargetOf(action), reason, outcome, result.OperationId);
    }

    private static string[] InstalledAddonIds(FleetOrganization? clusters) =>
        clusters is null ? [] : [.. clusters.Clusters.SelectMany(c => c.Addons).Select(a => a.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static OrganizationOutcome Outcome(OrganizationConfig organization) =>
        new(organization.OrgId, organization.Policy.Name, organization.Policy.Environment);

    private OrganizationOutcome Fail(OrganizationConfig organization, Exception e)
    {
        LogOrganizationFailed(organization.OrgId, e.Message);
        return Outcome(organization) with { Failure = e.Message };
    }

    /// <summary>The pass itself was cancelled (shutdown): that ends the pass, it is no organization's failure.</summary>
    private static bool Cancelled(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    [LoggerMessage(Level = LogLevel.Information, Message = "organization {OrgId}: another replica holds it; skipped in this pass")]
    private partial void LogHeldElsewhere(OrganizationId orgId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCM: {Warning}")]
    private partial void LogFleetWarning(string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "organization {OrgId} failed in this pass: {Error}")]
    private partial void LogOrganizationFailed(OrganizationId orgId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "organization {OrgId}: another replica already processed it in this pass; skipped")]
    private partial void LogAlreadyProcessed(OrganizationId orgId);

    [LoggerMessage(Level = LogLevel.Error, Message = "organization {OrgId} cluster {Cluster} ({ClusterId}): {Error}")]
    private partial void LogValidationError(OrganizationId orgId, string cluster, string clusterId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "organization {OrgId} cluster {Cluster} ({ClusterId}): the edited policy does not validate, so the last valid one is in force: {Error}")]
    private partial void LogRejectedEdit(OrganizationId orgId, string cluster, string clusterId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "organization {OrgId} cluster {Cluster} ({ClusterId}): {Action} {Outcome} {OperationId} {Detail}")]
    private partial void LogAction(OrganizationId orgId, string cluster, string clusterId, string action, string outcome, string operationId, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "organization {OrgId} cluster {Cluster} ({ClusterId}): {Action} {Outcome} {OperationId} {Detail}")]
    private partial void LogActionFailed(OrganizationId orgId, string cluster, string clusterId, string action, string outcome, string operationId, string detail);
}
