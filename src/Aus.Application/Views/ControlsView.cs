using System.Collections.Immutable;
using Aus.Domain.Controls;

namespace Aus.Application.Views;

/// <summary>
/// The rollout safety controls in force in an organization: pauses, freezes that are on or coming,
/// sectors waiting for an approval, the approvals given and the halted versions.
/// </summary>
public sealed record ControlsView
{
    public static readonly ControlsView None = new();

    /// <summary>The pauses in force (a pause whose until has passed is left out).</summary>
    public ImmutableArray<PauseView> Pauses { get; init; } = [];

    /// <summary>Each freeze of the organization file that is on now or comes later: its current or next occurrence.</summary>
    public ImmutableArray<FreezeView> Freezes { get; init; } = [];

    /// <summary>Sectors whose clusters wait for an approval (reason awaiting-approval), with the version.</summary>
    public ImmutableArray<ApprovalWaitView> AwaitingApproval { get; init; } = [];

    public ImmutableArray<RolloutApproval> Approved { get; init; } = [];

    public ImmutableArray<string> HaltedVersions { get; init; } = [];

    public bool IsEmpty => Pauses.IsEmpty && Freezes.IsEmpty && AwaitingApproval.IsEmpty && Approved.IsEmpty && HaltedVersions.IsEmpty;
}

/// <summary>A pause: what it covers (<paramref name="Target"/> names the sector, cluster or version), why, until when, who paused it and when.</summary>
public sealed record PauseView(PauseScope Scope, string? Target, string? Reason, DateTimeOffset? Until, string? By, DateTimeOffset? Since)
{
    /// <summary>The pause deletes the upgrade policies it covers that have not started.</summary>
    public bool CancelScheduled { get; init; }
}

/// <summary>One occurrence of a freeze: on now (<paramref name="Active"/>) or the next one to come.</summary>
public sealed record FreezeView(string Name, DateTimeOffset Start, DateTimeOffset End, bool Active);

/// <summary>
/// A sector held for an approval: the version it waits for (the highest the clusters are offered;
/// null when the view has no candidate versions) and the clusters waiting.
/// </summary>
public sealed record ApprovalWaitView(string Sector, string? Version, ImmutableArray<string> Clusters);
