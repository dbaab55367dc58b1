namespace Aus.Domain.Fleet;

/// <summary>An upgrade policy that already exists in OCM for a cluster (or one of its node pools).</summary>
public sealed record ExistingUpgradePolicy
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public UpgradePolicyKind Kind { get; init; } = UpgradePolicyKind.Cluster;

    public string? NodePoolId { get; init; }

    public string ScheduleType { get; init; } = "manual";

    public DateTimeOffset? NextRun { get; init; }

    public UpgradePolicyState State { get; init; } = UpgradePolicyState.Unknown;
}
