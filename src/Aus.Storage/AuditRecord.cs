using Aus.Domain.Fleet;

namespace Aus.Storage;

/// <summary>One line of the audit log: an action aus took or refused.</summary>
/// <param name="Time">When it happened; stored in UTC with microsecond precision.</param>
/// <param name="Environment">The OCM environment name.</param>
/// <param name="OrganizationId">The OCM organization id.</param>
/// <param name="Cluster">The cluster name, or null for an organization-wide action.</param>
/// <param name="Action">What was done, for instance <c>create-upgrade-policy</c> (the plan's action names).</param>
/// <param name="Version">The target version, when the action has one.</param>
/// <param name="Reason">Why: the planner's reason, or why the action was refused or failed.</param>
/// <param name="Result">Whether it was carried out, failed or refused.</param>
/// <param name="OperationId">OCM's operation id of the request, for correlating with OCM's logs.</param>
public sealed record AuditRecord(
    DateTimeOffset Time,
    EnvironmentName Environment,
    OrganizationId OrganizationId,
    string? Cluster,
    string Action,
    string? Version,
    string? Reason,
    AuditResult Result,
    string? OperationId);
