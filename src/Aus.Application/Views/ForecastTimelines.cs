using System.Collections.Immutable;
using Aus.Application.Forecast;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;

namespace Aus.Application.Views;

/// <summary>The organization's part of a release timeline, ordered by the sector flow.</summary>
internal static class ForecastTimelines
{
    public const string NotPlanned = "the organization was not planned in the pass the forecast starts from";

    /// <summary>The organization's timeline, or why it has none; (null, null) while the forecast is pending.</summary>
    public static (ForecastTimelineView? Timeline, string? Unavailable) For(ReleaseForecast forecast, OrganizationId orgId, OrganizationPolicy? policy, ImmutableArray<SectorView> sectors)
    {
        if (forecast.Timeline is not { } timeline)
        {
            return (null, forecast.Unavailable);
        }

        if (timeline.Organizations.FirstOrDefault(o => o.OrgId == orgId.Value) is not { } organization)
        {
            return (null, NotPlanned);
        }

        var sectorOf = (policy?.Clusters ?? []).GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sector?.Value, StringComparer.Ordinal);
        var position = sectors.Select((s, i) => (s.Name, i)).ToDictionary(s => s.Name, s => s.i, StringComparer.Ordinal);
        var clusters = timeline.Clusters
            .Where(c => c.OrgId == orgId.Value)
            .Select(c => new ForecastClusterView(c.Name, sectorOf.GetValueOrDefault(c.Name), c.Version, c.Outcome, c.Start, c.Completion, c.Reason))
            .OrderBy(c => c.Sector is { } sector && position.TryGetValue(sector, out var at) ? at : position.Count)
            .ThenBy(c => c.Outcome == ForecastOutcome.AlreadyThere ? DateTimeOffset.MinValue : c.Start ?? DateTimeOffset.MaxValue);
        return (new ForecastTimelineView
        {
            Release = timeline.Release,
            From = timeline.Now,
            Horizon = timeline.End,
            RolloutEnd = organization.RolloutEnd,
            Reached = organization.Reached,
            Clusters = [.. clusters],
        }, null);
    }
}
