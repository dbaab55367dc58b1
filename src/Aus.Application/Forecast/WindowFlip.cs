using Aus.Domain.Planning;
using Aus.Domain.Scheduling;

namespace Aus.Application.Forecast;

/// <summary>
/// A moment a schedule's window opens or closes between two planned passes. The clusters of an
/// organization share a few schedules, so a flip and its outside-window sentence are worked out
/// once for all of them.
/// </summary>
internal sealed class WindowFlip(CronSchedule schedule, DateTimeOffset at, bool inWindow)
{
    private string? _outsideDetail;

    public DateTimeOffset At { get; } = at;

    /// <summary>Whether a pass at this moment is inside the window.</summary>
    public bool InWindow { get; } = inWindow;

    /// <summary>The planner's sentence for a cluster skipped outside its window at this moment.</summary>
    public string OutsideDetail => _outsideDetail ??= WindowOutlook.OutsideWindowDetail(schedule, At);
}
