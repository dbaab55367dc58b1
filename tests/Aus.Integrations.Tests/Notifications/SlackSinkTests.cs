using System.Text.Json;
using Aus.Application.Notifications;
using Aus.Integrations.Notifications;
using Aus.TestKit;

namespace Aus.Integrations.Tests.Notifications;

public sealed class SlackSinkTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer slack = new();
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        client.Dispose();
        await slack.DisposeAsync();
    }

    [Theory]
    [InlineData(NotificationEvent.UpgradeScheduled)]
    [InlineData(NotificationEvent.UpgradeStarted)]
    [InlineData(NotificationEvent.UpgradeCompleted)]
    [InlineData(NotificationEvent.UpgradeFailed)]
    [InlineData(NotificationEvent.ValidationErrors)]
    [InlineData(NotificationEvent.VersionHalted)]
    public async Task IncomingWebhook_PostsTheMessageOfEachEvent(NotificationEvent kind)
    {
        var sink = new SlackSink(client, new SlackTarget { WebhookUrl = new Uri(slack.Url, "services/T000/B000/XXXX") });

        await sink.SendAsync(Notifications.Of(kind), CancellationToken.None);

        var request = slack.Requests.Single();
        request.PathAndQuery.ShouldBe("/services/T000/B000/XXXX");
        Golden.Verify(request.Body + "\n", $"tests/Aus.Integrations.Tests/Golden/slack-{kind.Name()}.json");
    }

    [Fact]
    public void StartedAndCompleted_AreWordedAsTheReferenceWordsThem_WithTheOwnersHandleAsFallback()
    {
        SlackMessages.Text(Notifications.Of(NotificationEvent.UpgradeStarted), groupId: null)
            .ShouldBe("Heads up <!subteam^@prod-1-cluster>! cluster `prod-1` is currently being upgraded to version `4.16.3`");
        SlackMessages.Text(Notifications.Of(NotificationEvent.UpgradeCompleted), groupId: "S0123")
            .ShouldBe("<!subteam^S0123>: cluster `prod-1` is now running version `4.16.3`");
    }

    [Fact]
    public void NodePoolEvents_NameThePool()
    {
        var started = Notifications.Of(NotificationEvent.UpgradeStarted) with { NodePool = "workers", PolicyKind = Aus.Domain.Fleet.UpgradePolicyKind.NodePool };

        SlackMessages.Text(started, groupId: "S0123")
            .ShouldBe("Heads up <!subteam^S0123>! node pool `workers` of cluster `prod-1` is currently being upgraded to version `4.16.3`");
    }

    [Fact]
    public async Task BotToken_PostsToTheChannel_MentioningTheOwnersUserGroupById()
    {
        slack.Respond = (request, _) => Task.FromResult(request.PathAndQuery switch
        {
            "/api/usergroups.list" => (200, """{"ok":true,"usergroups":[{"id":"S0001","handle":"other-cluster"},{"id":"S0123","handle":"prod-1-cluster"}]}"""),
            _ => (200, """{"ok":true}"""),
        });
        var sink = new SlackSink(client, new SlackTarget { BotToken = "xoxb-1", Channel = "#upgrades", ApiUrl = new Uri(slack.Url, "api/") });

        await sink.SendAsync(Notifications.Of(NotificationEvent.UpgradeStarted), CancellationToken.None);
        await sink.SendAsync(Notifications.Of(NotificationEvent.UpgradeCompleted), CancellationToken.None);

        slack.Requests.Select(r => r.PathAndQuery).ShouldBe(["/api/usergroups.list", "/api/chat.postMessage", "/api/chat.postMessage"], "the user groups are listed once");
        slack.Requests.ShouldAllBe(r => r.Headers["Authorization"] == "Bearer xoxb-1");
        var message = JsonDocument.Parse(slack.Requests.ElementAt(1).Body).RootElement;
        message.GetProperty("channel").GetString().ShouldBe("#upgrades");
        message.GetProperty("text").GetString().ShouldBe("Heads up <!subteam^S0123>! cluster `prod-1` is currently being upgraded to version `4.16.3`");
    }

    [Fact]
    public async Task BotToken_SlackRefusing_IsAFailedSend()
    {
        slack.Respond = (_, _) => Task.FromResult((200, """{"ok":false,"error":"channel_not_found"}"""));
        var sink = new SlackSink(client, new SlackTarget { BotToken = "xoxb-1", Channel = "#nope", ApiUrl = new Uri(slack.Url, "api/") });

        var failure = await Should.ThrowAsync<SinkRejectedException>(() => sink.SendAsync(Notifications.Of(NotificationEvent.ValidationErrors), CancellationToken.None));

        failure.Message.ShouldBe("Slack's chat.postMessage refused: channel_not_found");
    }

    [Fact]
    public async Task IncomingWebhook_Answering500_IsAFailedSend()
    {
        slack.Respond = (_, _) => Task.FromResult((500, "boom"));
        var sink = new SlackSink(client, new SlackTarget { WebhookUrl = slack.Url });

        var failure = await Should.ThrowAsync<SinkRejectedException>(() => sink.SendAsync(Notifications.Of(NotificationEvent.UpgradeStarted), CancellationToken.None));

        failure.Message.ShouldEndWith("answered HTTP 500: boom");
    }

    [Fact]
    public void Target_NeedsAWebhookOrATokenWithAChannel()
    {
        Should.Throw<ArgumentException>(() => new SlackSink(client, new SlackTarget()));
        Should.Throw<ArgumentException>(() => new SlackSink(client, new SlackTarget { BotToken = "xoxb-1" }));
        Should.Throw<ArgumentException>(() => new SlackSink(client, new SlackTarget { BotToken = "xoxb-1", Channel = "#c", WebhookUrl = slack.Url }));
    }

    [Fact]
    public void SinkName_LeavesTheWebhooksSecretPathOut()
    {
        new SlackTarget { WebhookUrl = new Uri("https://hooks.slack.com/services/T000/B000/SECRET") }.Name.ShouldBe("slack https://hooks.slack.com/…");
    }
}
