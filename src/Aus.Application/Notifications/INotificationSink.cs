namespace Aus.Application.Notifications;

/// <summary>Somewhere notifications go (Slack, a webhook). Throws when the notification was not accepted.</summary>
public interface INotificationSink
{
    /// <summary>A stable name, part of the delivery record: renaming a sink makes it deliver everything again.</summary>
    string Name { get; }

    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
