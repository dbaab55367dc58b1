using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Aus.Integrations.Tests;

namespace Aus.Cli.Tests.Notifications;

/// <summary>
/// A webhook receiver on a loopback port: it keeps every CloudEvent posted to it (a request is
/// kept when it arrives, before it is answered) and answers with <see cref="Respond"/> (200 unless told).
/// </summary>
internal sealed class CloudEventReceiver : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server = new();
    private readonly ConcurrentQueue<ReceivedEvent> _events = new();
    private int _answered;

    public CloudEventReceiver()
    {
        _server.Respond = async (request, cancellationToken) =>
        {
            _events.Enqueue(ReceivedEvent.Parse(request));
            var answer = await Respond(request, cancellationToken);
            Interlocked.Increment(ref _answered);
            return answer;
        };
    }

    public Uri Url => new(_server.Url, "aus");

    /// <summary>Decides each answer; may wait (a hanging receiver) until the token is cancelled when the receiver stops.</summary>
    public Func<RecordedRequest, CancellationToken, Task<(int Status, string Body)>> Respond { get; set; } =
        (_, _) => Task.FromResult((200, string.Empty));

    public IReadOnlyList<ReceivedEvent> Events => [.. _events];

    /// <summary>Requests answered so far (a hanging receiver answers none).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>One CloudEvent as received: its id, type and subject, its data, and the raw request.</summary>
internal sealed record ReceivedEvent(string Id, string Type, string? Subject, JsonObject Data, RecordedRequest Request)
{
    public static ReceivedEvent Parse(RecordedRequest request)
    {
        var json = JsonNode.Parse(request.Body)!.AsObject();
        return new ReceivedEvent(
            (string)json["id"]!,
            (string)json["type"]!,
            (string?)json["subject"],
            json["data"]!.AsObject(),
            request);
    }

    public string? Organization => (string?)Data["organizationId"];

    public string? Version => (string?)Data["version"];

    /// <summary>Whether <c>X-Aus-Signature</c> is the HMAC-SHA256 of the body with the secret, computed here as a receiver would.</summary>
    public bool SignedWith(string secret) =>
        Request.Headers.TryGetValue("X-Aus-Signature", out var signature)
        && signature == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Request.Body)));
}
