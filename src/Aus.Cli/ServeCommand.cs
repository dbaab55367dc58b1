using System.CommandLine;
using Aus.Application.Ports;
using Aus.Cli.Service;
using Aus.Domain.Fleet;
using Aus.Storage;
using Microsoft.Extensions.Logging;

namespace Aus.Cli;

/// <summary>`aus serve`: a reconcile pass every interval, with /healthz, /readyz and /metrics; stops cleanly on SIGTERM.</summary>
internal static class ServeCommand
{
    public static Command Create(TimeProvider time)
    {
        var config = new Option<string[]>("--config")
        {
            HelpName = "FILE|DIR",
            Description = "Organization policy files, or directories of them (*.yml, *.yaml, *.json). [default: the settings file's policies]",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var settingsFile = ServiceStartup.SettingsOption();
        var ocmUrl = new Option<string?>("--ocm-url") { HelpName = "URL", Description = "OCM API base URL. [default: OCM_URL, else the settings file, else https://api.openshift.com]" };
        var tokenUrl = new Option<string?>("--token-url") { HelpName = "URL", Description = "OAuth2 token endpoint. [default: OCM_TOKEN_URL, else the settings file, else Red Hat SSO]" };
        var state = StateStoreOption.Create();
        var interval = new Option<string?>("--interval") { Description = "Time between passes, e.g. 5m, 30s. [default: AUS_INTERVAL, else the settings file, else 5m]", HelpName = "DURATION" };
        var listen = new Option<string?>("--listen") { Description = "Address of the dashboard, /api/, /healthz, /readyz, /metrics. [default: AUS_LISTEN, else the settings file, else 127.0.0.1:9090]", HelpName = "ADDR:PORT" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and report; change nothing in OCM or in the store." };
        var clock = ServiceStartup.ClockOption();
        var command = new Command("serve", "Reconcile on an interval as a service: a pass every interval, /healthz, /readyz and /metrics; SIGTERM stops it cleanly.")
        {
            config, settingsFile, ocmUrl, tokenUrl, state, interval, listen, dryRun, clock,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var overrides = new SettingsOverrides
            {
                SettingsFile = parse.GetValue(settingsFile),
                Policies = parse.GetValue(config) ?? [],
                OcmUrl = parse.GetValue(ocmUrl),
                TokenUrl = parse.GetValue(tokenUrl),
                State = parse.GetValue(state),
                Interval = parse.GetValue(interval),
                Listen = parse.GetValue(listen),
                DryRun = parse.GetValue(dryRun),
                Clock = parse.GetValue(clock),
            };
            var (settings, documents, exitCode) = await ServiceStartup.PrepareAsync(overrides, stderr, cancellationToken);
            if (settings is null || documents is null)
            {
                return exitCode;
            }

            if (ServiceStartup.ListenProblem(settings.Listen) is { } listenProblem)
            {
                await stderr.WriteLineAsync($"aus: error: cannot listen on {settings.Listen}: {listenProblem}");
                return ExitCodes.Usage;
            }

            var withoutStore = ServiceStartup.IsDryRunWithoutStore(settings);
            var store = withoutStore ? null : await ServiceStartup.OpenStoreAsync(settings, stderr, cancellationToken);
            if (store is null && !withoutStore)
            {
                return ExitCodes.Invalid;
            }

            IPassStore passStore = store is null
                ? new HistoryFilePassStore(new Dictionary<string, Domain.History.VersionHistory>(), new Dictionary<string, string>())
                : new StorePassStore(store, ServiceStartup.Owner);
            var storeDescription = store?.Description ?? $"empty histories (a dry run does not create {settings.State.Target})";

            await using (store)
            {
                using var logging = AusLogging.Create(LogLevel.Information);
                using var http = new HttpClient();
                var policies = new PolicySource(settings.Policies, e => settings.Environments.Any(s => s.Serves(e)), logging.CreateLogger("aus.policies"));
                var organizations = new ServicePolicies(policies, settings, time, logging.CreateLogger("aus.policies"));
                using var service = new ReconcileService(
                    settings, organizations.LoadAsync, passStore, store?.Dialect == StateDialect.PostgreSql, ServiceStartup.Clock(settings, time, http), time, logging, alignedPasses: true, store is null ? null : new StoreControlStore(store));
                var (notifications, notificationsOk) = await ServiceNotifications.ForServiceAsync(settings, store, service.Metrics, time, logging, stderr);
                if (!notificationsOk)
                {
                    return ExitCodes.Usage;
                }

                await using var notificationScope = notifications;
                service.Notifications = notifications;
                ServiceHost host;
                try
                {
                    host = await ServiceHost.StartAsync(service, store, time, logging, handleSignals: true, cancellationToken);
                }
                catch (IOException e)
                {
                    await stderr.WriteLineAsync($"aus: error: cannot listen on {settings.Listen}: {e.Message}");
                    return ExitCodes.Usage;
                }

                await using (host)
                {
                    var labelled = settings.Environments.Where(e => e.LabelPolicies).Select(e => e.Name?.Value ?? "(default)").ToList();
                    var served = labelled.Count == 0
                        ? Output.Plural.Count(documents.Count, "organization")
                        : $"{Output.Plural.Count(documents.Count, "organization file")} and the labelled organizations of {string.Join(", ", labelled)}";
                    var notifying = notifications is null ? string.Empty : $"; notifying {Output.Plural.Count(notifications.Sinks, "sink")}";
                    if (AusLogging.IsLogStream(stderr))
                    {
                        ServeLog.Serving(logging.CreateLogger("aus.service"), served, DurationText.Format(settings.Interval), storeDescription, notifying, host.Address.ToString());
                    }
                    else
                    {
                        await stderr.WriteLineAsync($"aus: serving {served} every {DurationText.Format(settings.Interval)} from {storeDescription}{notifying}; endpoints on {host.Address}");
                    }
                    await host.WaitForShutdownAsync(CancellationToken.None);
                    if (notifications is not null)
                    {
                        await notifications.DrainAsync(ServiceNotifications.DrainBound);
                    }
                    if (host.LoopFailure is { } failure)
                    {
                        // A supervisor restarts a process that exits non-zero; one that exits 0 it may leave down.
                        await stderr.WriteLineAsync($"aus: error: the pass loop stopped: {failure.Message}");
                        return ExitCodes.Invalid;
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
