using Aus.Domain.Scheduling;

namespace Aus.Application.Forecast;

/// <summary>
/// When a schedule's window opens and closes, as seen from the passes. The planner counts a
/// cluster as in its window when the schedule's next slot after now + 6 minutes is at most 2 hours
/// ahead; only at the passes where that changes can a waiting cluster's decision change because of
/// its schedule. Clusters share a few schedules, so each schedule's next change is kept until it passes.
/// </summary>
internal sealed class ScheduleWindows(PassGrid grid, DateTimeOffset end)
{
    // The planner's own constants (policies are created 6 minutes ahead; the look-ahead is 2 hours).
    // The forecast's test against pass-by-pass stepping fails if these drift from the planner's.
    private static readonly TimeSpan PolicyDelay = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan LookAhead = TimeSpan.FromHours(2);

    private readonly Dictionary<string, (DateTimeOffset From, DateTimeOffset? Change)> _known = new(StringComparer.Ordinal);

    public static bool IsInWindow(CronSchedule schedule, DateTimeOffset pass) =>
        schedule.NextAfter(pass + PolicyDelay) is { } slot && slot - pass <= LookAhead;

    /// <summary>The first pass after <paramref name="pass"/> whose in-window state differs from this pass's; null when none does before the end.</summary>
    public DateTimeOffset? NextChange(CronSchedule schedule, DateTimeOffset pass)
    {
        if (_known.TryGetValue(schedule.Expression, out var known) && known.From <= pass && (known.Change is null || pass < known.Change))
        {
            return known.Change;
        }

        var change = IsInWindow(schedule, pass) ? NextClose(schedule, pass) : NextOpen(schedule, pass);
        _known[schedule.Expression] = (pass, change);
        return change;
    }

    /// <summary>
    /// From a pass outside the window: a pass at or after (slot - 2h) is in the window unless it is
    /// already past (slot - 6m); then the window fell between two passes and the next slot is tried.
    /// </summary>
    private DateTimeOffset? NextOpen(CronSchedule schedule, DateTimeOffset pass)
    {
        var slot = schedule.NextAfter(pass + PolicyDelay);
        while (slot is { } s)
        {
            var candidate = grid.AtOrAfter(s - LookAhead);
            if (candidate <= pass)
            {
                candidate = grid.After(pass);
            }

            if (candidate > end)
            {
                return null;
            }

            if (IsInWindow(schedule, candidate))
            {
                return candidate;
            }

            slot = schedule.NextAfter(candidate + PolicyDelay);
        }

        return null;
    }

    /// <summary>
    /// From a pass inside the window: every pass before (slot - 6m) still sees that slot within the
    /// look-ahead, so the first candidate to close is the first pass at or after it; when the next
    /// slot's window already covers that pass, the window goes on from there.
    /// </summary>
    private DateTimeOffset? NextClose(CronSchedule schedule, DateTimeOffset pass)
    {
        var from = pass;
        while (schedule.NextAfter(from + PolicyDelay) is { } slot)
        {
            var candidate = grid.AtOrAfter(slot - PolicyDelay);
            if (candidate <= from)
            {
                candidate = grid.After(from);
            }

            if (candidate > end)
            {
                return null;
            }

            if (!IsInWindow(schedule, candidate))
            {
                return candidate;
            }

            from = candidate;
        }

        return null;
    }
}
