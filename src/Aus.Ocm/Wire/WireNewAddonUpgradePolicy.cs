namespace Aus.Ocm.Wire;

/// <summary>
/// The body of an add-on upgrade policy creation. The cluster service (v1) takes
/// <c>schedule_type</c> and <c>upgrade_type: ADDON</c> and no next run; the add-ons service (v2)
/// takes <c>type</c> and the next run. Null fields are not sent.
/// </summary>
internal sealed record WireNewAddonUpgradePolicy
{
    public required string Version { get; init; }

    public string? ScheduleType { get; init; }

    public string? Type { get; init; }

    public required string AddonId { get; init; }

    public required string ClusterId { get; init; }

    public string? UpgradeType { get; init; }

    public string? NextRun { get; init; }
}
