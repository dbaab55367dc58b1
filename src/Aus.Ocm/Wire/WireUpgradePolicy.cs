namespace Aus.Ocm.Wire;

/// <summary>A classic, control-plane or node-pool upgrade policy as OCM lists it.</summary>
internal sealed record WireUpgradePolicy
{
    public string? Id { get; init; }

    public string? Version { get; init; }

    public string? ScheduleType { get; init; }

    public string? Schedule { get; init; }

    public string? NextRun { get; init; }

    public string? UpgradeType { get; init; }

    public string? ClusterId { get; init; }

    public string? NodePoolId { get; init; }

    public WireUpgradePolicyState? State { get; init; }
}
