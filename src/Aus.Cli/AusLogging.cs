using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Aus.Cli;

/// <summary>Log lines go to stderr: readable on a terminal, one JSON object per line otherwise (for log collectors).</summary>
internal static partial class AusLogging
{
    /// <summary>
    /// The generic host's own log. Silenced: its failures reach the commands, which print them as one
    /// line (a port in use at start-up; a pass loop that died, as the host's loop failure), where the
    /// host would log the same failure again with its stack trace.
    /// </summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Whether log records are JSON (stderr is not a terminal); then nothing else may be written to stderr but errors.</summary>
    public static bool Json => Console.IsErrorRedirected;

    /// <summary>Whether <paramref name="stderr"/> is the process's stderr and log records go there as JSON.</summary>
    public static bool IsLogStream(TextWriter stderr) => Json && ReferenceEquals(stderr, Console.Error);

    /// <summary>Writes diagnostic lines (FILE:LINE:COL: error: ...) as log records of category aus.policies, errors as Error, the rest as Warning.</summary>
    public static void WriteDiagnostics(string lines)
    {
        using var logging = Create(LogLevel.Warning);
        var logger = logging.CreateLogger("aus.policies");
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Contains(": error:", StringComparison.Ordinal))
            {
                Diagnostic(logger, LogLevel.Error, line);
            }
            else
            {
                Diagnostic(logger, LogLevel.Warning, line);
            }
        }
    }

    public static ILoggerFactory Create(LogLevel minimum) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(minimum);
        builder.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.AddFilter("Polly", LogLevel.Warning);
        builder.AddFilter(HostCategory, LogLevel.None);
        if (Json)
        {
            builder.AddConsole(options => options.FormatterName = AusJsonLogFormatter.Name);
            builder.AddConsoleFormatter<AusJsonLogFormatter, ConsoleFormatterOptions>(options =>
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

    [LoggerMessage(Message = "{Diagnostic}")]
    private static partial void Diagnostic(ILogger logger, LogLevel level, string diagnostic);
}
