using System.CommandLine;
using Aus.Cli.Output;
using Aus.Domain.Planning;

namespace Aus.Cli;

/// <summary>`aus explain CLUSTER`: why a cluster is (not) upgrading, condition by condition.</summary>
internal static class ExplainCommand
{
    public static Command Create(TimeProvider time)
    {
        var inputs = new PlanInputOptions();
        var cluster = new Argument<string>("CLUSTER") { Description = "The cluster name, as in the organization file." };
        var command = new Command("explain", "Explain the decision for one cluster: every candidate version and every condition, the window and the locks.")
        {
            cluster,
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
            var plan = FleetPlanner.Plan(loaded.Request with { ExplainCluster = name });
            var organization = plan.Organizations.FirstOrDefault(o => o.Clusters.Any(c => c.Name == name));
            if (organization is null)
            {
                await stderr.WriteLineAsync($"aus: error: cluster {name} is in none of the organization files");
                return ExitCodes.Usage;
            }

            var explanation = plan.Explanation ?? new ClusterExplanation { Decision = organization.Clusters.First(c => c.Name == name) };
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
