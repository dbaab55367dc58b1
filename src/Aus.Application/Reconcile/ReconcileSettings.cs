namespace Aus.Application.Reconcile;

/// <summary>How a reconcile pass behaves.</summary>
public sealed record ReconcileSettings
{
    /// <summary>Decide and report; change nothing (the pass runs on <see cref="ReconcilePorts.AsDryRun"/>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Take a lease per organization so that replicas never act on the same one.</summary>
    public bool UseLeases { get; init; }

    /// <summary>
    /// With leases: the service's pass interval. Passes of every replica are aligned on the same
    /// interval grid, so an organization whose stored check-in already falls in the current slot was
    /// processed by another replica in this pass and is skipped: each organization once per pass.
    /// </summary>
    public TimeSpan? PassInterval { get; init; }

    /// <summary>Plan with the fleet report's rows (the dashboard's soak progress); off, the plans carry none.</summary>
    public bool IncludeReport { get; init; }

    /// <summary>Plan with each organization's remaining-soak rows (the service's soak gauges); off, the plans carry none.</summary>
    public bool IncludeRemainingSoak { get; init; }

    /// <summary>How many organizations apply their actions at once.</summary>
    public int OrganizationsInParallel { get; init; } = 4;

    /// <summary>
    /// The longest one organization's work may take in a pass (its claim and history, its actions
    /// and commit; the shared fleet read is bounded by it too). Past it the organization fails with
    /// "deadline exceeded" and the pass goes on. Null: no bound.
    /// </summary>
    public TimeSpan? OrganizationDeadline { get; init; }
}
