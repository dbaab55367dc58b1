using System.Net;
using System.CommandLine;
using System.Globalization;
using Aus.Domain.Versions;
using Aus.Simulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace Aus.Cli.Demo;

/// <summary>
/// `aus demo`: a rollout in front of you. The OCM simulator runs in process, a new release is
/// published, and the real reconcile loop takes it through the fleet on an accelerated clock.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TimeProvider time)
    {
        var config = new Option<string[]>("--config")
        {
            HelpName = "FILE|DIR",
            Description = "Organization files (or directories of them) instead of the built-in sectors example; needs --fleet.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var fleet = new Option<string?>("--fleet") { Description = "The fleet snapshot that seeds the simulator (with --config).", HelpName = "FILE" };
        var history = new Option<string[]>("--history")
        {
            HelpName = "[ORGID=]FILE",
            Description = "The soak history to start from (with --config); ORGID/ADDON_ID=FILE gives an add-on's.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var release = new Option<string>("--release")
        {
            Description = "The release OCM publishes at the start.",
            HelpName = "VERSION",
            DefaultValueFactory = _ => DemoSettings.DefaultRelease,
        };
        var channels = new Option<string[]>("--channel")
        {
            HelpName = "CHANNEL",
            Description = "The channels the release is published in. [default: stable-MAJOR.MINOR of the release]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var passMinutes = new Option<double>("--pass-minutes")
        {
            HelpName = "MINUTES",
            Description = "Simulated minutes between two reconcile passes.",
            DefaultValueFactory = _ => 60,
        };
        var upgradeMinutes = new Option<double>("--upgrade-minutes")
        {
            HelpName = "MINUTES",
            Description = "Simulated minutes an upgrade takes in OCM.",
            DefaultValueFactory = _ => 90,
        };
        var speed = new Option<double>("--speed")
        {
            HelpName = "HOURS",
            Description = "Simulated hours per real second; 0 runs the passes without pauses.",
            DefaultValueFactory = _ => DemoSettings.DefaultSpeed,
        };
        var days = new Option<double>("--days")
        {
            HelpName = "DAYS",
            Description = "Stop after this many simulated days even if the rollout is not complete.",
            DefaultValueFactory = _ => 30,
        };
        var start = new Option<string?>("--start") { Description = "Virtual time of the first pass (RFC 3339 UTC). [default: the history's check-in, else the current hour]", HelpName = "TIME" };
        var report = new Option<string?>("--report") { Description = "Write the fleet report here at the end, in the format the extension names: .html or .htm for HTML, .json for JSON, else markdown.", HelpName = "FILE" };
        var listen = new Option<string?>("--listen")
        {
            Description = "Serve the dashboard of aus serve here while the demo runs, e.g. 127.0.0.1:9090.",
            HelpName = "ADDR:PORT",
        };
        var notifyUrl = new Option<string?>("--notify-url")
        {
            Description = "Post each notification (upgrade scheduled, started, completed, ...) to this URL as a CloudEvents 1.0 JSON event, as the webhook sink of aus serve does.",
            HelpName = "URL",
        };
        var addons = new Option<bool>("--addons")
        {
            Description = "Show an add-on rollout too: the built-in example becomes the sectors example with two add-ons, whose new versions OCM publishes at the start; with --config, an organization must have addonManagedUpgrades.",
        };
        var plain = new Option<bool>("--plain") { Description = "Plain lines instead of the live view (the default when the output is not a terminal)." };
        var command = new Command(
            "demo",
            "Watch a rollout: the OCM simulator in process, a new release published, and the real reconcile loop taking it through stage, then prod, on an accelerated clock.")
        {
            config, fleet, history, release, channels, passMinutes, upgradeMinutes, speed, days, start, report, listen, notifyUrl, addons, plain,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var problems = new List<string>();
            var releaseText = parse.GetValue(release)!;
            if (!OpenShiftVersion.TryParse(releaseText, out _))
            {
                problems.Add($"--release '{releaseText}' is not a version; write it like 4.16.10");
            }

            Positive(problems, "--pass-minutes", parse.GetValue(passMinutes));
            Positive(problems, "--upgrade-minutes", parse.GetValue(upgradeMinutes));
            Positive(problems, "--days", parse.GetValue(days));
            if (parse.GetValue(speed) is var pace && (pace < 0 || double.IsNaN(pace) || double.IsInfinity(pace)))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"--speed {pace} must be 0 (no pauses) or a positive number of simulated hours per second"));
            }

            DateTimeOffset? startTime = null;
            if (parse.GetValue(start) is { } startText)
            {
                startTime = InputFiles.ParseNow(startText, time, TextWriter.Null);
                if (startTime is null)
                {
                    problems.Add($"--start '{startText}' is not an RFC 3339 time; write it like 2026-11-23T12:00:00Z");
                }
            }

            IPEndPoint? listenAt = null;
            if (parse.GetValue(listen) is { } listenText
                && !(IPEndPoint.TryParse(listenText.Trim(), out listenAt) && listenText.Contains(':', StringComparison.Ordinal)))
            {
                problems.Add($"--listen '{listenText}' is not an address and port; write it like 127.0.0.1:9090");
            }

            Uri? notifyAt = null;
            if (parse.GetValue(notifyUrl) is { } notifyText
                && !(Uri.TryCreate(notifyText, UriKind.Absolute, out notifyAt) && notifyAt.Scheme is "http" or "https"))
            {
                problems.Add($"--notify-url '{notifyText}' is not an http or https URL; write it like http://127.0.0.1:8080/aus");
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await stderr.WriteLineAsync($"aus: error: {problem}");
                }

                return ExitCodes.Usage;
            }

            var settings = new DemoSettings
            {
                ConfigPaths = parse.GetValue(config) ?? [],
                FleetPath = parse.GetValue(fleet),
                HistoryPaths = parse.GetValue(history) ?? [],
                Release = releaseText,
                Channels = parse.GetValue(channels) ?? [],
                PassInterval = TimeSpan.FromMinutes(parse.GetValue(passMinutes)),
                UpgradeDuration = TimeSpan.FromMinutes(parse.GetValue(upgradeMinutes)),
                Speed = parse.GetValue(speed),
                Days = parse.GetValue(days),
                Start = startTime,
                ReportPath = parse.GetValue(report),
                NotifyUrl = notifyAt,
                Addons = parse.GetValue(addons),
            };
            var (inputs, exitCode) = await DemoInputs.LoadAsync(settings, stderr, cancellationToken);
            if (inputs is null)
            {
                return exitCode;
            }

            var live = !parse.GetValue(plain) && IsTerminal(stdout);
            IDemoDisplay display = live
                ? new LiveDemoDisplay(AnsiConsole.Console)
                : new PlainDemoDisplay(stdout);

            // The live view owns the terminal: log lines would tear it, and every failure is shown in it anyway.
            using var logging = live ? NullLoggerFactory.Instance : AusLogging.Create(LogLevel.Warning);
            await using var dashboard = listenAt is null ? null : await DemoDashboard.StartAsync(listenAt, settings, cancellationToken);
            if (dashboard is not null)
            {
                await stderr.WriteLineAsync($"aus: the dashboard follows the demo on {dashboard.Address}");
            }

            try
            {
                var result = await new DemoRunner(settings, inputs, display, time, logging, dashboard?.State).RunAsync(cancellationToken);
                if (settings.ReportPath is not null)
                {
                    await stderr.WriteLineAsync($"aus: wrote the fleet report to {settings.ReportPath}");
                }

                if (settings.NotifyUrl is not null)
                {
                    var (delivered, notDelivered) = result.Notifications;
                    var missed = notDelivered == 0 ? string.Empty : $"; {Output.Plural.Count(notDelivered, "notification")} not delivered (see the log)";
                    await stderr.WriteLineAsync($"aus: posted {Output.Plural.Count(delivered, "notification")} to {settings.NotifyUrl}{missed}");
                }

                return result.Transitions.Any(t => t.State == "failed") ? ExitCodes.Invalid : ExitCodes.Success;
            }
            catch (SimulatorConfigurationException e)
            {
                await stderr.WriteLineAsync(e.Message.StartsWith("(fleet)", StringComparison.Ordinal) ? settings.FleetPath + e.Message["(fleet)".Length..] : e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static void Positive(List<string> problems, string option, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{option} {value} must be a positive number"));
        }
    }

    private static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
