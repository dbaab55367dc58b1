namespace Aus.Integrations.Notifications;

/// <summary>
/// Where Slack messages go: an incoming webhook (<see cref="WebhookUrl"/>), or the Web API's
/// chat.postMessage with a bot token to a channel. With a bot token, cluster owners' user groups
/// are looked up by handle (usergroups.list) so the mention pings them.
/// </summary>
public sealed record SlackTarget
{
    public static readonly Uri DefaultApiUrl = new("https://slack.com/api/");

    public Uri? WebhookUrl { get; init; }

    public string? BotToken { get; init; }

    public string? Channel { get; init; }

    /// <summary>The Web API's base URL (tests point it at a local server).</summary>
    public Uri ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary>The sink's name in the delivery records.</summary>
    public string Name => WebhookUrl is { } url ? "slack " + url.GetLeftPart(UriPartial.Authority) + "/…" : $"slack #{Channel}";
}
