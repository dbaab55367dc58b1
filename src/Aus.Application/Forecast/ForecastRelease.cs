using Aus.Domain.Versions;

namespace Aus.Application.Forecast;

/// <summary>
/// The release a forecast follows: a version that OCM starts to offer at a moment (null: it is
/// offered from the start of the forecast).
/// </summary>
public sealed record ForecastRelease(OpenShiftVersion Version, DateTimeOffset? OfferedAt = null)
{
    /// <summary>
    /// The one-step rule: OCM offers the release to a cluster on <paramref name="current"/> when the
    /// release is higher and lies in the same minor or in the next minor of the same major
    /// (4.15.x and 4.16.y both reach 4.16.10; 4.14.x does not, it first needs a 4.15).
    /// </summary>
    public bool IsOneStepFrom(OpenShiftVersion current) =>
        Version > current
        && Version.Major == current.Major
        && (Version.Minor == current.Minor || Version.Minor == current.Minor + 1);

    /// <summary>Whether OCM offers the release at <paramref name="time"/>.</summary>
    public bool IsOfferedAt(DateTimeOffset time) => OfferedAt is not { } at || at <= time;
}
