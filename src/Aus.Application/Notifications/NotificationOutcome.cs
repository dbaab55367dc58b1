namespace Aus.Application.Notifications;

/// <summary>What became of one notification at one sink, for logs and tests.</summary>
public sealed record NotificationOutcome(Notification Notification, string Sink, NotificationResult Result, int Attempts = 0, string? Error = null);

public enum NotificationResult
{
    /// <summary>The sink accepted it.</summary>
    Delivered,

    /// <summary>It was claimed before (by an earlier pass or another replica); nothing was sent.</summary>
    AlreadyClaimed,

    /// <summary>An upgrade-completed whose upgrade this sink was never told of; nothing was sent.</summary>
    NotAnnounced,

    /// <summary>Every try failed; the claim was released so a later pass may try again.</summary>
    Failed,

    /// <summary>The sink's queue was full, or the notifier was stopping; nothing was claimed.</summary>
    Dropped,

    /// <summary>A dry run: nothing was claimed or sent.</summary>
    DryRun,
}
