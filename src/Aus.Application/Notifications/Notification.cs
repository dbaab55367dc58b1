using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Application.Notifications;

/// <summary>
/// One thing to tell people about, as a pass found it. <see cref="Key"/> names it for the delivery
/// ledger: the same key is delivered once per sink, whichever pass or replica finds it again.
/// </summary>
public sealed record Notification
{
    public required NotificationEvent Event { get; init; }

    public required EnvironmentName Environment { get; init; }

    public required OrganizationId OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    /// <summary>The cluster's name; null for an event of the whole organization.</summary>
    public string? Cluster { get; init; }

    /// <summary>The cluster's external id (its UUID), when there is a cluster.</summary>
    public string? ClusterExternalId { get; init; }

    /// <summary>The version the event is about: the upgrade's target, or the version the cluster now runs.</summary>
    public string? Version { get; init; }

    /// <summary>The OCM upgrade policy the event is about, when OCM gave it an id.</summary>
    public string? PolicyId { get; init; }

    public UpgradePolicyKind? PolicyKind { get; init; }

    public string? NodePool { get; init; }

    /// <summary>When the upgrade is to start (scheduled and started events).</summary>
    public DateTimeOffset? NextRun { get; init; }

    /// <summary>The organization's validation errors (validation-errors events).</summary>
    public ImmutableArray<string> Errors { get; init; } = [];

    /// <summary>When the pass saw it.</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    public required NotificationKey Key { get; init; }
}
