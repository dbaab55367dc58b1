namespace Aus.Integrations.Notifications;

/// <summary>A sink answered, but did not accept the notification (an HTTP error, or Slack's <c>ok: false</c>).</summary>
public sealed class SinkRejectedException(string message) : Exception(message);
