namespace Aus.Domain.Fleet;

/// <summary>An upgrade policy that already exists in OCM for a cluster (or one of its node pools).</summary>
public sealed record ExistingUpgradePolicy
{
    public const string ManualSchedule = "manual";

    public const string AutomaticSchedule = "automatic";

    public required string Id { get; init; }

    public required string Version { get; init; }

    public UpgradePolicyKind Kind { get; init; } = UpgradePolicyKind.Cluster;

    public string? NodePoolId { get; init; }

    /// <summary>The add-on the policy upgrades, for an add-on policy.</summary>
    public string? AddonId { get; init; }

    public string ScheduleType { get; init; } = ManualSchedule;

    public DateTimeOffset? NextRun { get; init; }

    public UpgradePolicyState State { get; init; } = UpgradePolicyState.Unknown;
}
