namespace Aus.Domain.Reporting;

/// <summary>
/// One available upgrade of a cluster with its remaining soak days:
/// 0 or more days still to soak, or a marker: <see cref="Scheduled"/>, <see cref="Upgrading"/>,
/// <see cref="LongUpgrade"/>, <see cref="Blocked"/>.
/// </summary>
public sealed record RemainingSoak(string Version, double Days)
{
    /// <summary>An upgrade policy for the version is scheduled.</summary>
    public const double Scheduled = -1;

    /// <summary>The upgrade to the version has started (or is delayed).</summary>
    public const double Upgrading = -2;

    /// <summary>The upgrade started 6 hours or more ago.</summary>
    public const double LongUpgrade = -3;

    /// <summary>The version is blocked by the organization's or the cluster's blockedVersions.</summary>
    public const double Blocked = -4;
}
