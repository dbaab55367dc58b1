namespace Aus.Integrations.Notifications;

/// <summary>A webhook: where to post, and the secret to sign with (none: unsigned).</summary>
public sealed record WebhookTarget(Uri Url, string? Secret)
{
    /// <summary>The sink's name in the delivery records: "webhook " and the URL without its query.</summary>
    public string Name => "webhook " + Url.GetLeftPart(UriPartial.Path);

    public override string ToString() => Name;
}
