namespace Aus.Application.Notifications;

/// <summary>How hard the notifier tries, and how much it holds, before it gives a notification up.</summary>
public sealed record NotifierOptions
{
    /// <summary>Tries per notification and sink, the first included.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>The wait before the first retry; each later retry waits twice as long as the one before.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one try may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Notifications waiting per sink; beyond it new ones are dropped (and reported), never waited for.</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>Log what would be sent, and neither claim nor send anything.</summary>
    public bool DryRun { get; init; }
}
