using System.CommandLine;
using Aus.Cli.Output;
using Aus.Cli.Reconcile;
using Aus.Domain.Planning;
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
            Description = "Organization policy files, or directories of them (*.yml, *.yaml, *.json).",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var ocmUrl = new Option<string?>("--ocm-url") { HelpName = "URL", Description = "OCM API base URL (default: OCM_URL, else https://api.openshift.com)." };
        var tokenUrl = new Option<string?>("--token-url") { HelpName = "URL", Description = "OAuth2 token endpoint (default: OCM_TOKEN_URL, else Red Hat SSO)." };
        var state = StateStoreOption.Create();
        var history = new Option<string[]>("--history")
        {
            HelpName = "[ORGID=]FILE",
            Description = "Keep the soak history in files instead of the state store (read, then replaced after the pass).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var historyOut = new Option<string[]>("--history-out")
        {
            HelpName = "[ORGID=]FILE",
            Description = "With --history, write the checked-in history here instead of back into the --history file.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var now = new Option<string?>("--now") { HelpName = "TIME", Description = "Run as of this RFC 3339 UTC time (for replays and simulators; default: the current time)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and report; change nothing in OCM or in the store." };
        var command = new Command("run", "One reconcile pass: read the fleet from OCM, check soak data in, plan, create upgrade policies, switch channels, agree gates.")
        {
            config, ocmUrl, tokenUrl, state, history, historyOut, now, dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var at = PlanInputs.ParseNow(parse.GetValue(now), time, stderr);
            if (at is null)
            {
                return ExitCodes.Usage;
            }

            var (documents, exitCode) = await PlanInputs.LoadOrganizationsAsync(parse.GetValue(config) ?? [], stderr, cancellationToken);
            if (documents is null)
            {
                return exitCode;
            }

            using var client = OcmConnection.TryCreate(parse.GetValue(ocmUrl), parse.GetValue(tokenUrl), stderr);
            if (client is null)
            {
                return ExitCodes.Usage;
            }

            var isDryRun = parse.GetValue(dryRun);
            var orgIds = documents.Select(d => d.Policy!.OrgId).ToList();
            IStateStore? store = null;
            IPassState passState;
            var historyFiles = parse.GetValue(history) ?? [];
            if (historyFiles.Length > 0)
            {
                var histories = await PlanInputs.ReadHistoriesAsync(historyFiles, orgIds, "--history", stderr, cancellationToken);
                var inputs = await PlanInputs.MapPerOrganizationAsync(historyFiles, orgIds, "--history", stderr);
                var outputs = await PlanInputs.MapPerOrganizationAsync(parse.GetValue(historyOut) ?? [], orgIds, "--history-out", stderr);
                if (histories is null || inputs is null || outputs is null)
                {
                    return ExitCodes.Usage;
                }

                foreach (var (orgId, path) in inputs)
                {
                    outputs.TryAdd(orgId, path);
                }

                passState = new FilePassState(histories, outputs);
            }
            else
            {
                if (!StateStoreOption.TryResolve(parse, state, out var location, out var error))
                {
                    await stderr.WriteLineAsync($"aus: error: {error}");
                    return ExitCodes.Usage;
                }

                try
                {
                    store = await StateStore.OpenAsync(location!, new StateStoreOptions { ExclusiveProcess = true }, cancellationToken);
                }
                catch (StateStoreLockedException e)
                {
                    await stderr.WriteLineAsync($"aus: error: {e.Message}");
                    return ExitCodes.Invalid;
                }

                if (isDryRun)
                {
                    store = StateStore.DryRun(store);
                }

                passState = new StorePassState(store, $"{Environment.MachineName}/{Environment.ProcessId}");
            }

            await using var storeScope = store;
            using var logging = AusLogging.Create(LogLevel.Warning);
            var settings = new ReconcileSettings { DryRun = isDryRun, UseLeases = store?.Dialect == StateDialect.PostgreSql };
            var reconciler = new Reconciler(client, client, passState, settings, logging.CreateLogger("aus.run"));
            var report = await reconciler.RunPassAsync(documents, at.Value, cancellationToken);
            await stdout.WriteAsync(RunReportWriter.Write(report, isDryRun));
            return report.Failed ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
