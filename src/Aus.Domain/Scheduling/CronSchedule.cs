using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Aus.Domain.Scheduling;

/// <summary>
/// A 5-field cron schedule evaluated in UTC. When both day-of-month and day-of-week are restricted,
/// both must match (as the reference's croniter with day_or=False), so "0 10 8-14 * 5" means the
/// second Friday of the month rather than classic cron's "the 8th to 14th, or any Friday".
/// </summary>
public sealed class CronSchedule
{
    // Day-of-month and day-of-week may only coincide every few years (Feb 29 on a Monday); past
    // this horizon an expression is treated as never firing.
    private static readonly TimeSpan SearchHorizon = TimeSpan.FromDays(366 * 30);

    private readonly CronExpression _calendar;
    private readonly CronExpression? _dayOfWeek;

    private CronSchedule(string expression, CronExpression calendar, CronExpression? dayOfWeek)
    {
        Expression = expression;
        _calendar = calendar;
        _dayOfWeek = dayOfWeek;
    }

    public string Expression { get; }

    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string? expression, [NotNullWhen(true)] out CronSchedule? schedule, out string error)
    {
        schedule = null;
        var fields = (expression ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"expected 5 fields (minute hour day-of-month month day-of-week), found {fields.Length}";
            return false;
        }

        try
        {
            var full = CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard);
            CronExpression calendar = full;
            CronExpression? dayOfWeek = null;
            if (IsRestricted(fields[2]) && IsRestricted(fields[4]))
            {
                calendar = CronExpression.Parse($"{fields[0]} {fields[1]} {fields[2]} {fields[3]} *", CronFormat.Standard);
                dayOfWeek = CronExpression.Parse($"0 0 * * {fields[4]}", CronFormat.Standard);
            }

            schedule = new CronSchedule(expression!, calendar, dayOfWeek);
            error = string.Empty;
            return true;
        }
        catch (CronFormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>The first slot strictly after <paramref name="instant"/>, or null if there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var from = instant.UtcDateTime;
        var limit = from + SearchHorizon;
        while (true)
        {
            var next = _calendar.GetNextOccurrence(from, inclusive: false);
            if (next is null || next.Value > limit)
            {
                return null;
            }

            if (_dayOfWeek is null || IsOnAllowedDayOfWeek(next.Value))
            {
                return new DateTimeOffset(next.Value, TimeSpan.Zero);
            }

            // Skip the rest of a day whose weekday does not match.
            from = next.Value.Date.AddDays(1).AddTicks(-1);
        }
    }

    public override string ToString() => Expression;

    private bool IsOnAllowedDayOfWeek(DateTime slot)
    {
        var midnight = DateTime.SpecifyKind(slot.Date, DateTimeKind.Utc);
        return _dayOfWeek!.GetNextOccurrence(midnight, inclusive: true) == midnight;
    }

    private static bool IsRestricted(string field) => field is not ("*" or "?");
}
