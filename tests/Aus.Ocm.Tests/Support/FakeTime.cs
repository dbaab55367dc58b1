using Microsoft.Extensions.Time.Testing;

namespace Aus.Ocm.Tests.Support;

public static class FakeTime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);

    /// <summary>
    /// Moves fake time forward a second at a time until <paramref name="task"/> is done, so retry
    /// delays and timeouts elapse without real waiting. Fails after an hour of fake time.
    /// </summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task)
    {
        await DriveAsync(time, (Task)task);
        return await task;
    }

    public static async Task DriveAsync(this FakeTimeProvider time, Task task)
    {
        for (var second = 0; second < 3600 && !task.IsCompleted; second++)
        {
            // Let the work under test reach its next timer before time moves on.
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        task.IsCompleted.ShouldBeTrue("the call did not finish within an hour of fake time");
    }
}
