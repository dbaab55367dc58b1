using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Aus.Cli;

/// <summary>Log lines go to stderr: readable on a terminal, one JSON object per line otherwise (for log collectors).</summary>
internal static class AusLogging
{
    /// <summary>
    /// The generic host's own log. Silenced: its failures reach the commands, which print them as one
    /// line (a port in use at start-up; a pass loop that died, as the host's loop failure), where the
    /// host would log the same failure again with its stack trace.
    /// </summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static ILoggerFactory Create(LogLevel minimum) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(minimum);
        builder.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.AddFilter("Polly", LogLevel.Warning);
        builder.AddFilter(HostCategory, LogLevel.None);
        if (Console.IsErrorRedirected)
        {
            builder.AddJsonConsole(options =>
            {
                // Its own JSON field: no separating space, unlike the simple console's prefix.
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                options.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
                options.UseUtcTimestamp = true;
            });
        }

        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    });
}
