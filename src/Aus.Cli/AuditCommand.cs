using System.CommandLine;
using Aus.Application.Ports;
using Aus.Cli.Output;
using Aus.Cli.Service;
using Aus.Storage;

namespace Aus.Cli;

/// <summary>`aus audit`: what aus did, when and with what result, from the state store's audit log (read only).</summary>
internal static class AuditCommand
{
    public static Command Create(TimeProvider time)
    {
        var org = new Option<string?>("--org") { Description = "Only this organization's records.", HelpName = "ORGID" };
        var cluster = new Option<string?>("--cluster") { Description = "Only this cluster's records.", HelpName = "NAME" };
        var environment = new Option<string?>("--env") { Description = "Only this OCM environment's records.", HelpName = "NAME" };
        var since = new Option<string?>("--since")
        {
            Description = "Only records at or after this time: an RFC 3339 time (2026-11-23T12:00:00Z) or a duration back from now (24h, 7d).",
            HelpName = "TIME",
        };
        var limit = new Option<int>("--limit") { Description = "At most this many records, the newest (default 1000).", HelpName = "N", DefaultValueFactory = _ => 1000 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--limit must be a positive number");
            }
        });
        var output = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var state = StateStoreOption.Create();
        var command = new Command("audit", "List what aus did (actions taken, failed or refused), oldest first, from the state store.")
        {
            org, cluster, environment, since, limit, output, state,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } sinceText)
            {
                from = ParseSince(sinceText, time);
                if (from is null)
                {
                    await stderr.WriteLineAsync($"aus: error: --since '{sinceText}' is neither an RFC 3339 time (2026-11-23T12:00:00Z) nor a duration (24h, 7d)");
                    return ExitCodes.Usage;
                }
            }

            if (!StateStoreOption.TryResolve(parse, state, out var location, out var error))
            {
                await stderr.WriteLineAsync($"aus: error: {error}");
                return ExitCodes.Usage;
            }

            IReadOnlyList<AuditRecord> records = [];
            if (location!.Dialect != StateDialect.Sqlite || File.Exists(location.Target))
            {
                try
                {
                    await using var store = await GuardedStateStore.OpenAsync(location, cancellationToken: cancellationToken);
                    records = await store.QueryAuditAsync(
                        new AuditQuery { OrganizationId = parse.GetValue(org), Cluster = parse.GetValue(cluster), Environment = parse.GetValue(environment), Since = from, Limit = parse.GetValue(limit) },
                        cancellationToken);
                }
                catch (StateStoreException e)
                {
                    await stderr.WriteLineAsync($"aus: error: {e.Message}");
                    return ExitCodes.Invalid;
                }
            }

            // Nothing was ever stored in a missing SQLite file; listing must not create it.
            await stdout.WriteAsync(parse.GetValue(output) == "json" ? AuditWriter.Json(records) : AuditWriter.Table(records));
            return ExitCodes.Success;
        });
        return command;
    }

    private static DateTimeOffset? ParseSince(string text, TimeProvider time)
    {
        if (DurationText.TryParse(text, out var back) && back > TimeSpan.Zero)
        {
            return time.GetUtcNow() - back;
        }

        return InputFiles.ParseNow(text, time, TextWriter.Null);
    }
}
