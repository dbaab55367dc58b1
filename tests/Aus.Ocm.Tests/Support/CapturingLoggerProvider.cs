using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Aus.Ocm.Tests.Support;

/// <summary>Keeps every formatted log line (with its exception) so tests can search them.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
