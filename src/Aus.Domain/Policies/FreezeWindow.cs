using Aus.Domain.Scheduling;

namespace Aus.Domain.Policies;

/// <summary>
/// A time when no upgrade may start: either one fixed interval [start, end) or, recurring, an
/// interval of <see cref="Duration"/> that opens at every slot of a cron schedule (UTC).
/// </summary>
public sealed record FreezeWindow
{
    public required string Name { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary>For a recurring freeze: when each occurrence opens.</summary>
    public CronSchedule? Schedule { get; init; }

    /// <summary>For a recurring freeze: how long each occurrence lasts.</summary>
    public TimeSpan? Duration { get; init; }

    public static FreezeWindow Fixed(string name, DateTimeOffset start, DateTimeOffset end) => new() { Name = name, Start = start, End = end };

    public static FreezeWindow Recurring(string name, CronSchedule schedule, TimeSpan duration) =>
        new() { Name = name, Schedule = schedule, Duration = duration };

    /// <summary>The occurrence [start, end) that contains the instant, or null when the instant is not frozen.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? OccurrenceAt(DateTimeOffset instant)
    {
        if (Start is { } start && End is { } end)
        {
            return start <= instant && instant < end ? (start, end) : null;
        }

        if (Schedule is { } schedule && Duration is { } duration && duration > TimeSpan.Zero)
        {
            // An occurrence contains the instant when it opened within the duration before it, the instant included.
            var opening = schedule.NextAfter(instant - duration);
            if (opening is { } open && open <= instant)
            {
                return (open, open + duration);
            }
        }

        return null;
    }
}
