using System.CommandLine;
using Aus.Cli.Output;
using Aus.Domain.Planning;

namespace Aus.Cli;

/// <summary>`aus explain CLUSTER [--addon ID]`: why a cluster, or one of its add-ons, is (not) upgrading, condition by condition.</summary>
internal static class ExplainCommand
{
    public static Command Create(TimeProvider time)
    {
        var inputs = new PlanInputOptions();
        var cluster = new Argument<string>("CLUSTER") { Description = "The cluster name, as in the organization file." };
        var addon = new Option<string?>("--addon") { Description = "Explain the decision for this add-on of the cluster instead of the cluster's own.", HelpName = "ADDONID" };
        var command = new Command("explain", "Explain the decision for one cluster: every candidate version and every condition, the window and the locks.")
        {
            cluster,
            addon,
        };
        inputs.AddReadOnlyTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var (loaded, exitCode) = await PlanInputs.LoadAsync(parse, inputs, time, stderr, cancellationToken);
            if (loaded is null)
            {
                return exitCode;
            }

            var name = parse.GetValue(cluster)!;
            var addonId = parse.GetValue(addon);
            var plan = FleetPlanner.Plan(loaded.Request with { ExplainCluster = name, ExplainAddon = addonId });
            var organization = plan.Organizations.FirstOrDefault(o => o.Clusters.Any(c => c.Name == name));
            if (organization is null)
            {
                await stderr.WriteLineAsync($"aus: error: cluster {name} is in none of the organization files");
                return ExitCodes.Usage;
            }

            var decision = organization.Clusters.FirstOrDefault(c => c.Name == name && c.Addon == addonId);
            if (decision is null)
            {
                var planned = organization.Clusters.Where(c => c.Name == name && c.Addon is not null).Select(c => c.Addon!).ToList();
                var known = planned.Count == 0 ? "none planned: is addonManagedUpgrades set, and does OCM report add-ons of the cluster ready?" : string.Join(", ", planned);
                await stderr.WriteLineAsync($"aus: error: cluster {name} has no add-on {addonId} that was planned (add-ons: {known})");
                return ExitCodes.Usage;
            }

            var explanation = plan.Explanation ?? new ClusterExplanation { Decision = decision };
            await stdout.WriteAsync(ExplainWriter.Write($"{organization.Name} ({organization.OrgId})", explanation, plan.Now));
            foreach (var error in organization.Errors)
            {
                await stdout.WriteLineAsync($"organization error: {(error.Cluster is null ? string.Empty : error.Cluster + ": ")}{error.Message}");
            }

            return organization.Errors.IsEmpty ? ExitCodes.Success : ExitCodes.Invalid;
        });
        return command;
    }
}
