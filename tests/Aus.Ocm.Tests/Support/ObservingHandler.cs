namespace Aus.Ocm.Tests.Support;

/// <summary>
/// Sits in front of the real socket handler: lets a test see, delay, fail or drop requests on their
/// way to the simulator. <see cref="Before"/> may throw to lose a request before it is sent;
/// <see cref="After"/> may throw to lose the response of a request the server did handle.
/// </summary>
public sealed class ObservingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public Func<HttpRequestMessage, CancellationToken, Task>? Before { get; set; }

    public Action<HttpRequestMessage, HttpResponseMessage>? After { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Before is { } before)
        {
            await before(request, cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            After?.Invoke(request, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
