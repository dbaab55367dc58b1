using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Aus.Application.Forecast;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Cli.Output;
using Aus.Cli.Service;
using Aus.Domain.Planning;
using Aus.Domain.Versions;
using Aus.Policies.Fleet;

namespace Aus.Cli;

/// <summary>
/// `aus forecast`: when each cluster gets a release under the policies, and with --baseline what a
/// policy change does to that. Reads the inputs of `aus plan`; the forecast itself is the
/// application layer's <see cref="ForecastEngine"/>.
/// </summary>
internal static class ForecastCommand
{
    public static Command Create(TimeProvider time)
    {
        var inputs = new PlanInputOptions();
        var release = new Option<string>("--release")
        {
            HelpName = "VERSION[@TIME]",
            Description = "The release to forecast, and when OCM starts to offer it (RFC 3339 UTC; without @TIME, from the start).",
            Required = true,
        };
        var duration = DurationOption("--upgrade-duration", "How long an upgrade runs, from its start to its completion.", "90m");
        var interval = DurationOption("--interval", "The pass interval of the aus service; predicted times land on its passes.", "5m");
        var horizon = DurationOption("--horizon", "How far ahead to forecast.", "60d");
        var baseline = new Option<string?>("--baseline")
        {
            HelpName = "DIR",
            Description = "Another policy set (organization files or a directory of them) to compare with: prints the what-if.",
        };
        var output = new Option<string>("--output", "-o")
        {
            HelpName = "table|json|markdown",
            Description = "table (for people), json (for scripts and dashboards) or markdown (for merge-request comments).",
            DefaultValueFactory = _ => "table",
        };
        output.AcceptOnlyFromAmong("table", "json", "markdown");
        var command = new Command("forecast", "Forecast when each cluster gets a release under the policies; with --baseline, compare with another policy set.");
        // The inputs of `aus plan`, except --history-out: a forecast stores nothing.
        command.Options.Add(inputs.Config);
        command.Options.Add(inputs.Labels);
        command.Options.Add(inputs.Fleet);
        command.Options.Add(inputs.OcmUrl);
        command.Options.Add(inputs.TokenUrl);
        command.Options.Add(inputs.History);
        command.Options.Add(inputs.Now);
        command.Options.Add(release);
        command.Options.Add(duration);
        command.Options.Add(interval);
        command.Options.Add(horizon);
        command.Options.Add(baseline);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var assumptions = ReadAssumptions(parse, duration, interval, horizon, stderr);
            var target = ParseRelease(parse.GetValue(release)!, stderr);
            if (assumptions is null || target is null)
            {
                return ExitCodes.Usage;
            }

            var (loaded, exitCode) = await PlanInputs.LoadAsync(parse, inputs, time, stderr, cancellationToken);
            if (loaded is null)
            {
                return exitCode;
            }

            ImmutableArray<GraphRelease> graph = [.. loaded.FleetReleases.Select(r => new GraphRelease(r.Version, r.Channels))];
            var request = new ForecastRequest(loaded.Request.Organizations, loaded.Request.Fleet, loaded.Request.Now, target)
            {
                UpgradeDuration = assumptions.Value.Duration,
                Interval = assumptions.Value.Interval,
                Horizon = assumptions.Value.Horizon,
                Graph = graph,
            };
            var forecast = ForecastEngine.Run(request);
            var format = parse.GetValue(output);
            if (parse.GetValue(baseline) is not { } baselinePath)
            {
                await stdout.WriteAsync(format switch
                {
                    "json" => ForecastJsonWriter.Write(forecast),
                    "markdown" => ForecastMarkdownWriter.Write(forecast),
                    _ => ForecastTableWriter.Write(forecast),
                });
                return HasValidationErrors(loaded.Request) ? ExitCodes.Invalid : ExitCodes.Success;
            }

            var (documents, baselineExit) = await InputFiles.LoadOrganizationsAsync([baselinePath], stderr, cancellationToken);
            if (documents is null)
            {
                return baselineExit;
            }

            // The baseline is forecast on the same fleet, histories and stored controls: only the policies differ.
            var histories = loaded.Request.Organizations.ToDictionary(o => o.Policy.OrgId.Value, o => o.History, StringComparer.Ordinal);
            var controls = loaded.Request.Organizations.ToDictionary(o => o.Policy.OrgId, o => o.Controls);
            var baselineInputs = PassInputs.Build([.. documents.Select(InputFiles.ToConfig)], new FleetRead(loaded.Request.Fleet), histories, loaded.Request.Now, controls)
                .Request.Organizations;
            var baselineForecast = ForecastEngine.Run(request with { Organizations = baselineInputs });
            var comparison = ForecastComparer.Compare(baselineForecast, baselineInputs.Select(i => i.Policy), forecast, loaded.Request.Organizations.Select(o => o.Policy));
            await stdout.WriteAsync(format switch
            {
                "json" => ForecastJsonWriter.Write(comparison),
                "markdown" => ForecastMarkdownWriter.Write(comparison),
                _ => ForecastTableWriter.Write(comparison),
            });
            return HasValidationErrors(loaded.Request) ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }

    private static bool HasValidationErrors(PlanRequest request) =>
        request.Organizations.Any(o => !o.ValidationErrors.IsEmpty);

    private static Option<string> DurationOption(string name, string description, string defaultValue) => new(name)
    {
        HelpName = "DURATION",
        Description = $"{description} For example 90m, 1h30m, 7d.",
        DefaultValueFactory = _ => defaultValue,
    };

    private static (TimeSpan Duration, TimeSpan Interval, TimeSpan Horizon)? ReadAssumptions(
        ParseResult parse, Option<string> duration, Option<string> interval, Option<string> horizon, TextWriter stderr)
    {
        var values = new List<TimeSpan>();
        foreach (var option in new[] { duration, interval, horizon })
        {
            var text = parse.GetValue(option);
            if (!DurationText.TryParse(text, out var value) || value <= TimeSpan.Zero)
            {
                stderr.WriteLine($"aus: error: {option.Name} '{text}' is not a positive duration; write it like 90m, 1h30m or 60d");
                return null;
            }

            values.Add(value);
        }

        return (values[0], values[1], values[2]);
    }

    /// <summary>"4.16.10" or "4.16.10@2026-11-24T09:00:00Z".</summary>
    internal static ForecastRelease? ParseRelease(string text, TextWriter stderr)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var versionText = at < 0 ? text : text[..at];
        if (!OpenShiftVersion.TryParse(versionText, out var version))
        {
            stderr.WriteLine($"aus: error: --release '{text}': '{versionText}' is not a version; write it like 4.16.10 or 4.16.10@2026-11-24T09:00:00Z");
            return null;
        }

        if (at < 0)
        {
            return new ForecastRelease(version);
        }

        var timeText = text[(at + 1)..];
        if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var offered)
            || !timeText.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"aus: error: --release '{text}': '{timeText}' is not an RFC 3339 time; write it like 2026-11-24T09:00:00Z");
            return null;
        }

        return new ForecastRelease(version, offered.ToUniversalTime());
    }
}
