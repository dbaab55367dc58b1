using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Tests.Soak;

/// <summary>What the fault proxy did to one request.</summary>
internal enum Fault
{
    ServerError,
    TooManyRequests,
    TimeoutBeforeWrite,
    TimeoutAfterWrite,
    DroppedBeforeWrite,
    DroppedAfterWrite,
}

/// <summary>
/// A loopback reverse proxy in front of the OCM simulator that injects, with a seeded random source,
/// the faults a real OCM and network have: 5xx, 429 with a day-long Retry-After, requests that hang
/// (before or after the simulator saw them) and connections dropped before or after the write. It can
/// also kill the `aus run` process at its Nth API request, before or after forwarding it.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private static readonly Fault[] Kinds = Enum.GetValues<Fault>();
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Uri _target;
    private readonly Random _random;
    private readonly Lock _sync = new();
    private int _requests;

    private FaultProxy(WebApplication app, Uri target, int seed)
    {
        _app = app;
        _target = target;
        _random = new Random(seed);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Probability (0..1) that an API request meets a fault.</summary>
    public double FaultRate { get; set; }

    /// <summary>Faults injected so far, by kind.</summary>
    public Dictionary<Fault, int> Injected { get; } = Kinds.ToDictionary(k => k, _ => 0);

    /// <summary>API requests forwarded or faulted so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The plan of the current pass: kill <see cref="Victim"/> at its Nth API request (1-based).</summary>
    public int? KillAtRequest { get; set; }

    public bool KillAfterForward { get; set; }

    public System.Diagnostics.Process? Victim { get; set; }

    /// <summary>True when the current pass's process was killed by the proxy.</summary>
    public bool Killed { get; private set; }

    private int _passRequests;

    public void StartPass(System.Diagnostics.Process victim, int? killAtRequest, bool killAfterForward)
    {
        lock (_sync)
        {
            Victim = victim;
            KillAtRequest = killAtRequest;
            KillAfterForward = killAfterForward;
            Killed = false;
            _passRequests = 0;
        }
    }

    public static async Task<FaultProxy> StartAsync(Uri target, int seed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new FaultProxy(app, target, seed);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return proxy;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var api = context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
        Fault? fault = null;
        var kill = false;
        bool killAfter;
        lock (_sync)
        {
            killAfter = KillAfterForward;
            if (api)
            {
                _requests++;
                _passRequests++;
                kill = !Killed && _passRequests == KillAtRequest;
                if (!kill && _random.NextDouble() < FaultRate)
                {
                    fault = Kinds[_random.Next(Kinds.Length)];
                    Injected[fault.Value]++;
                }
            }
        }

        if (kill)
        {
            if (killAfter)
            {
                await ForwardAsync(context, respond: false);
            }

            KillVictim();
            context.Abort();
            return;
        }

        switch (fault)
        {
            case null:
                await ForwardAsync(context, respond: true);
                break;
            case Fault.ServerError:
                context.Response.StatusCode = 503;
                await context.Response.WriteAsJsonAsync(new { kind = "Error", id = "503", reason = "injected by the fault soak" });
                break;
            case Fault.TooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "86400";
                await context.Response.WriteAsJsonAsync(new { kind = "Error", id = "429", reason = "injected by the fault soak" });
                break;
            case Fault.TimeoutBeforeWrite or Fault.TimeoutAfterWrite:
                if (fault == Fault.TimeoutAfterWrite)
                {
                    await ForwardAsync(context, respond: false);
                }

                await HangAsync(context);
                break;
            case Fault.DroppedBeforeWrite:
                context.Abort();
                break;
            case Fault.DroppedAfterWrite:
                await ForwardAsync(context, respond: false);
                context.Abort();
                break;
        }
    }

    /// <summary>Holds the request until the client gives up (its deadline) or goes away.</summary>
    private static async Task HangAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or died: what a timeout is.
        }
    }

    private void KillVictim()
    {
        lock (_sync)
        {
            if (Victim is { HasExited: false } victim)
            {
                victim.Kill();
                Killed = true;
            }
        }
    }

    /// <summary>Sends the request to the simulator; with <paramref name="respond"/>, passes its answer back.</summary>
    private async Task ForwardAsync(HttpContext context, bool respond)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_target, context.Request.Path + context.Request.QueryString));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
            if (context.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (name is not ("Host" or "Content-Type" or "Content-Length" or "Transfer-Encoding"))
            {
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        if (!respond)
        {
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Content-Length"))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await context.Response.Body.WriteAsync(content);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
