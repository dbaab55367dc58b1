using System.Text;
using Aus.Application.Notifications;

namespace Aus.Integrations.Notifications;

/// <summary>Posts each notification to a URL as a CloudEvent, signed when a secret is set.</summary>
public sealed class WebhookSink(HttpClient client, WebhookTarget target) : INotificationSink
{
    public string Name => target.Name;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var body = CloudEvent.Json(notification);
        var headers = new List<KeyValuePair<string, string>>();
        if (target.Secret is { Length: > 0 } secret)
        {
            headers.Add(new(WebhookSignature.Header, WebhookSignature.Sign(secret, Encoding.UTF8.GetBytes(body))));
        }

        await HttpPost.JsonAsync(client, target.Url, body, CloudEvent.MediaType, headers, cancellationToken).ConfigureAwait(false);
    }
}
