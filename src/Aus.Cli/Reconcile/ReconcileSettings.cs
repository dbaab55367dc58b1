namespace Aus.Cli.Reconcile;

/// <summary>How a reconcile pass behaves.</summary>
internal sealed record ReconcileSettings
{
    /// <summary>Decide and report; change nothing in OCM or in the store.</summary>
    public bool DryRun { get; init; }

    /// <summary>Take a lease per organization so that replicas never act on the same one.</summary>
    public bool UseLeases { get; init; }

    /// <summary>How many organizations apply their actions at once.</summary>
    public int OrganizationsInParallel { get; init; } = 4;
}
