using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aus.Application.Notifications;

namespace Aus.Integrations.Notifications;

/// <summary>Sends notifications to Slack, through an incoming webhook or as a bot (see <see cref="SlackTarget"/>).</summary>
public sealed class SlackSink : INotificationSink
{
    // The body is JSON for Slack, never HTML: keep <, >, & and non-ASCII readable rather than \u-escaped.
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient client;
    private readonly SlackTarget target;
    private readonly SemaphoreSlim groupsGate = new(1, 1);
    private Dictionary<string, string>? groupIdsByHandle;

    public SlackSink(HttpClient client, SlackTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if ((target.WebhookUrl is null) == (target.BotToken is null) || (target.BotToken is not null && string.IsNullOrEmpty(target.Channel)))
        {
            throw new ArgumentException("a Slack sink needs either an incoming-webhook URL, or a bot token and a channel", nameof(target));
        }

        this.client = client;
        this.target = target;
    }

    public string Name => target.Name;

    /// <summary>The JSON a message is posted as: <c>{"text"}</c> to a webhook, <c>{"channel","text"}</c> to chat.postMessage.</summary>
    public static string Payload(string text, string? channel)
    {
        var payload = new JsonObject();
        if (channel is not null)
        {
            payload["channel"] = channel;
        }

        payload["text"] = text;
        return payload.ToJsonString(JsonOptions);
    }

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (target.WebhookUrl is { } webhook)
        {
            var text = SlackMessages.Text(notification, groupId: null);
            await HttpPost.JsonAsync(client, webhook, Payload(text, null), "application/json", [], cancellationToken).ConfigureAwait(false);
            return;
        }

        var groupId = notification.Cluster is { } cluster ? await GroupIdAsync(SlackMessages.OwnersHandle(cluster), cancellationToken).ConfigureAwait(false) : null;
        var answer = await PostApiAsync("chat.postMessage", Payload(SlackMessages.Text(notification, groupId), target.Channel), cancellationToken).ConfigureAwait(false);
        CheckOk("chat.postMessage", answer);
    }

    private async Task<string?> GroupIdAsync(string handle, CancellationToken cancellationToken)
    {
        await groupsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (groupIdsByHandle is null)
            {
                var answer = await PostApiAsync("usergroups.list", "{}", cancellationToken).ConfigureAwait(false);
                var root = CheckOk("usergroups.list", answer);
                groupIdsByHandle = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var group in root["usergroups"]?.AsArray() ?? [])
                {
                    if (group?["handle"]?.GetValue<string>() is { } groupHandle && group["id"]?.GetValue<string>() is { } id)
                    {
                        groupIdsByHandle[groupHandle] = id;
                    }
                }
            }

            return groupIdsByHandle.GetValueOrDefault(handle);
        }
        finally
        {
            groupsGate.Release();
        }
    }

    private Task<string> PostApiAsync(string method, string body, CancellationToken cancellationToken) =>
        HttpPost.JsonAsync(
            client,
            new Uri(target.ApiUrl, method),
            body,
            "application/json",
            [new("Authorization", "Bearer " + target.BotToken)],
            cancellationToken);

    private static JsonNode CheckOk(string method, string answer)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer);
        }
        catch (JsonException)
        {
            throw new SinkRejectedException($"Slack's {method} answered something that is not JSON");
        }

        if (root?["ok"]?.GetValue<bool>() != true)
        {
            throw new SinkRejectedException($"Slack's {method} refused: {root?["error"]?.GetValue<string>() ?? "no reason given"}");
        }

        return root;
    }
}
