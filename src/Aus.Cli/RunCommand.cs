using System.CommandLine;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Cli.Output;
using Aus.Cli.Service;
using Aus.Domain.Fleet;
using Aus.Storage;
using Microsoft.Extensions.Logging;

namespace Aus.Cli;

/// <summary>`aus run`: one reconcile pass: plan as `aus plan` does, apply the actions in OCM, keep the history.</summary>
internal static class RunCommand
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
        var history = new Option<string[]>("--history")
        {
            HelpName = "[ORGID=]FILE",
            Description = "Keep the soak history in files instead of the state store (read, then replaced after the pass); ORGID/ADDON_ID=FILE keeps an add-on's.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var historyOut = new Option<string[]>("--history-out")
        {
            HelpName = "[ORGID=]FILE",
            Description = "With --history, write the checked-in history here instead of back into the --history file; ORGID/ADDON_ID=FILE for an add-on's.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var now = new Option<string?>("--now") { HelpName = "TIME", Description = "Run as of this RFC 3339 UTC time (for replays and simulators). [default: the current time]" };
        var labels = new Option<bool>("--labels") { Description = "Take the policies from the sre-capabilities.aus.* labels of OCM (every environment); --config files then supply only names and environments." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and report; change nothing in OCM or in the store." };
        var clock = ServiceStartup.ClockOption();
        var command = new Command("run", "One reconcile pass: read the fleet from OCM, check soak data in, plan, create upgrade policies, switch channels, agree gates.")
        {
            config, labels, settingsFile, ocmUrl, tokenUrl, state, history, historyOut, now, dryRun, clock,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            DateTimeOffset? at = null;
            if (parse.GetValue(now) is { } nowText)
            {
                at = InputFiles.ParseNow(nowText, time, stderr);
                if (at is null)
                {
                    return ExitCodes.Usage;
                }
            }

            var overrides = new SettingsOverrides
            {
                SettingsFile = parse.GetValue(settingsFile),
                Policies = parse.GetValue(config) ?? [],
                OcmUrl = parse.GetValue(ocmUrl),
                TokenUrl = parse.GetValue(tokenUrl),
                State = parse.GetValue(state),
                DryRun = parse.GetValue(dryRun),
                Clock = parse.GetValue(clock),
                Labels = parse.GetValue(labels),
            };
            var (settings, documents, exitCode) = await ServiceStartup.PrepareAsync(overrides, stderr, cancellationToken);
            if (settings is null || documents is null)
            {
                return exitCode;
            }

            IReadOnlyList<OrganizationConfig> organizations = [.. documents.Select(InputFiles.ToConfig)];
            if (settings.Environments.Any(e => e.LabelPolicies))
            {
                // Discovered once, before the pass: --history files are mapped to the organizations found.
                using var discoveryLogging = AusLogging.Create(LogLevel.Warning);
                var policyLogger = discoveryLogging.CreateLogger("aus.policies");
                var files = new PolicySource(settings.Policies, e => settings.Environments.Any(s => s.Serves(e)), policyLogger);
                organizations = await new ServicePolicies(files, settings, time, policyLogger).LoadAsync(cancellationToken);
            }

            var orgIds = organizations.Select(o => o.OrgId.Value).ToList();
            IStateStore? store = null;
            IPassStore passStore;
            var historyFiles = parse.GetValue(history) ?? [];
            if (historyFiles.Length > 0)
            {
                // Each --history file is read before the pass and, unless --history-out says otherwise, replaced after it.
                var inputs = await InputFiles.MapPerOrganizationAsync(historyFiles, orgIds, "--history", stderr);
                var outputs = await InputFiles.MapPerOrganizationAsync(parse.GetValue(historyOut) ?? [], orgIds, "--history-out", stderr);
                var (histories, historyExit) = inputs is null ? (null, ExitCodes.Usage) : await InputFiles.ReadHistoriesAsync(inputs, "--history", at ?? time.GetUtcNow(), stderr, cancellationToken);
                if (histories is null || outputs is null)
                {
                    return histories is null ? historyExit : ExitCodes.Usage;
                }

                foreach (var (orgId, path) in inputs!)
                {
                    outputs.TryAdd(orgId, path);
                }

                passStore = new HistoryFilePassStore(histories, outputs);
            }
            else if (ServiceStartup.IsDryRunWithoutStore(settings))
            {
                passStore = new HistoryFilePassStore(new Dictionary<string, Domain.History.VersionHistory>(), new Dictionary<string, string>());
            }
            else
            {
                store = await ServiceStartup.OpenStoreAsync(settings, stderr, cancellationToken);
                if (store is null)
                {
                    return ExitCodes.Invalid;
                }

                passStore = new StorePassStore(store, ServiceStartup.Owner);
            }

            await using var storeScope = store;
            using var logging = AusLogging.Create(LogLevel.Warning);
            using var http = new HttpClient();
            using var service = new ReconcileService(
                settings, _ => Task.FromResult(organizations), passStore, store?.Dialect == StateDialect.PostgreSql, ServiceStartup.Clock(settings, time, http), time, logging, alignedPasses: false,
                store is null ? null : new StoreControlStore(store));
            var (notifications, notificationsOk) = await ServiceNotifications.ForServiceAsync(settings, store, service.Metrics, time, logging, stderr);
            if (!notificationsOk)
            {
                return ExitCodes.Usage;
            }

            await using var notificationScope = notifications;
            service.Notifications = notifications;
            var report = await service.RunPassAsync(at, cancellationToken);
            await stdout.WriteAsync(RunReportWriter.Write(report, settings.DryRun));
            if (notifications is not null && !await notifications.DrainAsync(ServiceNotifications.DrainBound))
            {
                await stderr.WriteLineAsync($"aus: warning: notifications still queued after {ServiceNotifications.DrainBound.TotalSeconds:0} s are not sent (see the log)");
            }

            return report.Failed ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
