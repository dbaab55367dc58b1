using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aus.Integrations.Tests;

/// <summary>
/// A tiny HTTP server on a free loopback port: it records every request and answers each with what
/// <see cref="Respond"/> returns (200 and an empty body unless told otherwise).
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    public LoopbackHttpServer()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Decides the answer to a request; may wait (to play a hanging server) until the token is cancelled.</summary>
    public Func<RecordedRequest, CancellationToken, Task<(int Status, string Body)>> Respond { get; set; } =
        (_, _) => Task.FromResult((200, string.Empty));

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await serving;
        }
        catch (ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys
                .Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
            Requests.Enqueue(request);
            var (status, answer) = await Respond(request, stopping.Token);
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client gave up (a test's timeout) or the server is stopping.
        }
    }
}

public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
