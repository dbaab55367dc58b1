namespace Aus.Application.Ports;

/// <summary>One line of the audit log: an action the pass took, refused or failed.</summary>
/// <param name="Action">The action's name (<see cref="Reconcile.ActionNames"/>).</param>
/// <param name="Version">The target version, channel or version prefix, when the action has one.</param>
/// <param name="Reason">The planner's reason, or why the action was refused or failed.</param>
public sealed record AuditEntry(
    DateTimeOffset Time,
    OrganizationKey Organization,
    string? Cluster,
    string Action,
    string? Version,
    string? Reason,
    AuditOutcome Outcome,
    string? OperationId);
