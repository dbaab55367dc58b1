using System.CommandLine;
using System.Globalization;
using Aus.Simulator;
using Microsoft.Extensions.Logging;

namespace Aus.Cli;

/// <summary>`aus ocm-sim --fleet FILE [--port N]`: serves the OCM API simulator until Ctrl+C or SIGTERM.</summary>
internal static class OcmSimCommand
{
    public static Command Create()
    {
        var fleet = new Option<FileInfo>("--fleet")
        {
            Description = "Fleet snapshot file (YAML or JSON) the simulator starts from.",
            Required = true,
        };
        var port = new Option<int>("--port")
        {
            Description = "Loopback port to listen on; 0 picks a free port.",
            DefaultValueFactory = _ => 8000,
        };
        var upgradeMinutes = new Option<double>("--upgrade-minutes")
        {
            Description = "Virtual minutes from an upgrade's start until the cluster runs the new version.",
            DefaultValueFactory = _ => 90,
        };
        var failureRate = new Option<double>("--failure-rate")
        {
            Description = "Probability (0..1) that an upgrade fails.",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the simulator's random choices (failures, faults).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("ocm-sim", "Run the OCM API simulator on 127.0.0.1 and print the environment that points aus at it.")
        {
            fleet, port, upgradeMinutes, failureRate, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var usage = UsageErrors(parse.GetValue(port), parse.GetValue(upgradeMinutes), parse.GetValue(failureRate));
            if (usage.Count > 0)
            {
                foreach (var message in usage)
                {
                    await stderr.WriteLineAsync($"aus: error: {message}");
                }

                return ExitCodes.Usage;
            }

            // Upgrade transitions go to stderr so stdout stays the export lines.
            using var loggerFactory = LoggerFactory.Create(b => b
                .AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter(AusLogging.HostCategory, LogLevel.None)
                .AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddSimpleConsole(c => c.SingleLine = true));
            var options = new SimulatorOptions
            {
                LoggerFactory = loggerFactory,
                FleetPath = parse.GetValue(fleet)!.FullName,
                Port = parse.GetValue(port),
                UpgradeDuration = TimeSpan.FromMinutes(parse.GetValue(upgradeMinutes)),
                FailureRate = parse.GetValue(failureRate),
                Seed = parse.GetValue(seed),
            };
            OcmSimulator simulator;
            try
            {
                simulator = await OcmSimulator.StartAsync(options, cancellationToken);
            }
            catch (SimulatorConfigurationException e)
            {
                // The message is already in FILE[:LINE:COL]: error: MESSAGE form, one line per problem.
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }
            catch (IOException e)
            {
                // Kestrel reports a port in use as an IOException.
                await stderr.WriteLineAsync($"aus: error: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
                return ExitCodes.Usage;
            }

            await using (simulator)
            {
                var baseUrl = simulator.BaseUrl.ToString().TrimEnd('/');
                await stdout.WriteLineAsync($"export OCM_URL={baseUrl}");
                await stdout.WriteLineAsync($"export OCM_TOKEN_URL={simulator.TokenUrl}");
                await stdout.WriteLineAsync($"export OCM_CLIENT_ID={simulator.ClientId}");
                await stdout.WriteLineAsync($"export OCM_CLIENT_SECRET={simulator.ClientSecret}");
                await stdout.FlushAsync(cancellationToken);
                await stderr.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"aus: OCM simulator serving {baseUrl} (virtual time {simulator.Clock.Now:yyyy-MM-ddTHH:mm:ssZ}; controls under {baseUrl}/_sim); Ctrl+C stops it"));
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: the normal way to stop.
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static List<string> UsageErrors(int port, double upgradeMinutes, double failureRate)
    {
        var errors = new List<string>();
        if (port is < 0 or > 65535)
        {
            errors.Add($"--port {port} must be between 0 and 65535 (0 picks a free port)");
        }

        if (!(upgradeMinutes > 0))
        {
            errors.Add($"--upgrade-minutes {upgradeMinutes.ToString(CultureInfo.InvariantCulture)} must be positive");
        }

        if (failureRate is < 0 or > 1 || double.IsNaN(failureRate))
        {
            errors.Add($"--failure-rate {failureRate.ToString(CultureInfo.InvariantCulture)} must be between 0 and 1");
        }

        return errors;
    }
}
