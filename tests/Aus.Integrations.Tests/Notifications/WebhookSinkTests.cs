using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aus.Application.Notifications;
using Aus.Integrations.Notifications;
using Aus.TestKit;

namespace Aus.Integrations.Tests.Notifications;

public sealed class WebhookSinkTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer receiver = new();
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        client.Dispose();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Notification_ArrivesAsAStructuredCloudEvent()
    {
        var sink = new WebhookSink(client, new WebhookTarget(new Uri(receiver.Url, "aus"), Secret: null));
        var notification = Notifications.Of(NotificationEvent.UpgradeStarted);

        await sink.SendAsync(notification, CancellationToken.None);

        var request = receiver.Requests.Single();
        request.Method.ShouldBe("POST");
        request.PathAndQuery.ShouldBe("/aus");
        request.Headers["Content-Type"].ShouldBe("application/cloudevents+json; charset=utf-8");
        request.Headers.ContainsKey(WebhookSignature.Header).ShouldBeFalse();
        var cloudEvent = JsonDocument.Parse(request.Body).RootElement;
        cloudEvent.GetProperty("specversion").GetString().ShouldBe("1.0");
        cloudEvent.GetProperty("type").GetString().ShouldBe("aus.upgrade-started");
        cloudEvent.GetProperty("source").GetString().ShouldBe("/aus/production/org-1");
        cloudEvent.GetProperty("subject").GetString().ShouldBe("prod-1");
        cloudEvent.GetProperty("id").GetString().ShouldBe(CloudEvent.Id(notification.Key));
        cloudEvent.GetProperty("data").GetProperty("version").GetString().ShouldBe("4.16.3");
    }

    [Theory]
    [InlineData(NotificationEvent.UpgradeScheduled)]
    [InlineData(NotificationEvent.ValidationErrors)]
    public void CloudEvent_IsPinned(NotificationEvent kind)
    {
        var pretty = JsonSerializer.Serialize(JsonDocument.Parse(CloudEvent.Json(Notifications.Of(kind))).RootElement, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Golden.Verify(pretty + "\n", $"tests/Aus.Integrations.Tests/Golden/cloudevent-{kind.Name()}.json");
    }

    [Fact]
    public void CloudEventIds_AreStablePerKey_AndDifferBetweenKeys()
    {
        var started = Notifications.Of(NotificationEvent.UpgradeStarted).Key;

        CloudEvent.Id(started).ShouldBe(CloudEvent.Id(started with { }));
        CloudEvent.Id(started).ShouldNotBe(CloudEvent.Id(started with { Detail = "policy-2" }));
    }

    [Fact]
    public async Task WithASecret_TheBodyIsSigned_AndTheSignatureVerifies()
    {
        var sink = new WebhookSink(client, new WebhookTarget(receiver.Url, Secret: "hook-secret"));

        await sink.SendAsync(Notifications.Of(NotificationEvent.ValidationErrors), CancellationToken.None);

        var request = receiver.Requests.Single();
        var body = Encoding.UTF8.GetBytes(request.Body);
        var header = request.Headers[WebhookSignature.Header];
        // Recomputed here as a receiver would, independently of the sink's own code.
        header.ShouldBe("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("hook-secret"u8.ToArray(), body)));
        WebhookSignature.Verify("hook-secret", body, header).ShouldBeTrue();
        WebhookSignature.Verify("other-secret", body, header).ShouldBeFalse();
        WebhookSignature.Verify("hook-secret", [.. body, (byte)' '], header).ShouldBeFalse();
    }

    [Fact]
    public async Task Receiver_Answering500_IsAFailedSend()
    {
        receiver.Respond = (_, _) => Task.FromResult((500, string.Empty));
        var sink = new WebhookSink(client, new WebhookTarget(receiver.Url, null));

        var failure = await Should.ThrowAsync<SinkRejectedException>(() => sink.SendAsync(Notifications.Of(NotificationEvent.UpgradeStarted), CancellationToken.None));

        failure.Message.ShouldBe($"http://127.0.0.1:{receiver.Url.Port} answered HTTP 500");
    }

    [Fact]
    public void SinkName_IsTheUrlWithoutItsQuery()
    {
        new WebhookTarget(new Uri("https://hooks.example/aus?token=x"), null).Name.ShouldBe("webhook https://hooks.example/aus");
    }
}
