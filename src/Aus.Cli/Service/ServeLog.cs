using Microsoft.Extensions.Logging;

namespace Aus.Cli.Service;

/// <summary>The start-up line of `aus serve` as a log record, for when the logs are JSON and plain text would break the stream.</summary>
internal static partial class ServeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "aus: serving {Served} every {Interval} from {Store}{Notifying}; endpoints on {Address}")]
    public static partial void Serving(ILogger logger, string served, string interval, string store, string notifying, string address);
}
