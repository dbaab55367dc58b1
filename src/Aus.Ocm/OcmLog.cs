using Aus.Domain.Fleet;
using Microsoft.Extensions.Logging;

namespace Aus.Ocm;

/// <summary>The log lines of the OCM client. None of them carries a credential or a token.</summary>
internal static partial class OcmLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Obtained an OCM access token with the {Grant} grant, valid for {LifetimeSeconds} s")]
    public static partial void TokenObtained(ILogger logger, string grant, int lifetimeSeconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Retrying {Endpoint} (attempt {Attempt}) in {DelayMs} ms after {Outcome}")]
    public static partial void Retrying(ILogger logger, string endpoint, int attempt, long delayMs, string outcome);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Circuit to {Host} opened for {BreakSeconds} s after repeated failures")]
    public static partial void CircuitOpened(ILogger logger, string host, double breakSeconds);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Reading OCM organization {OrgId} failed: {Error}")]
    public static partial void OrganizationFailed(ILogger logger, OrganizationId orgId, string error);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Upgrade policy {PolicyId} of cluster {ClusterId}: state unreadable, treated as unknown: {Error}")]
    public static partial void PolicyStateUnreadable(ILogger logger, string clusterId, string policyId, string error);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Version gate {GateId} has version prefix '{Prefix}', which is not MAJOR.MINOR; it is ignored")]
    public static partial void InvalidGate(ILogger logger, string gateId, string prefix);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Read {ClusterCount} clusters of {OrgCount} OCM organizations ({FailedCount} failed) with {CallCount} calls:\n{Calls}")]
    public static partial void FleetRead(ILogger logger, int clusterCount, int orgCount, int failedCount, int callCount, string calls);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Dry run: would {Action} on cluster {Cluster}")]
    public static partial void DryRunAction(ILogger logger, string action, string cluster);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Applied {Action} on cluster {Cluster} (operation id {OperationId})")]
    public static partial void ActionApplied(ILogger logger, string action, string cluster, string? operationId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Debug, Message = "OCM refused {Action} on cluster {Cluster}: {Error}")]
    public static partial void ActionRefused(ILogger logger, string action, string cluster, string error);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "{Action} on cluster {Cluster} had an unknown outcome ({Error}); reading the cluster again before any new attempt")]
    public static partial void ActionOutcomeUnknown(ILogger logger, string action, string cluster, string error);

    [LoggerMessage(EventId = 24, Level = LogLevel.Debug, Message = "{Action} on cluster {Cluster} skipped: OCM already has it after an unconfirmed attempt")]
    public static partial void ActionAlreadyThere(ILogger logger, string action, string cluster);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Applied {Count} OCM actions with {CallCount} calls:\n{Calls}")]
    public static partial void ActionsApplied(ILogger logger, int count, int callCount, string calls);
}
