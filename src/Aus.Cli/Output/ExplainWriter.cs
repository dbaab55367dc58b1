using System.Text;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>`aus explain CLUSTER`: every step, candidate and condition the planner looked at for one cluster.</summary>
internal static class ExplainWriter
{
    public static string Write(string organization, ClusterExplanation explanation, DateTimeOffset now)
    {
        var decision = explanation.Decision;
        var text = new StringBuilder();
        var subject = decision.Addon is { } addon ? $"add-on {addon} of {decision.Name}" : decision.Name;
        text.Append($"{subject} in {organization}, planned at {TimeFormat.Format(now)}\n");
        text.Append($"  runs:     {decision.Version ?? "(not in OCM)"}\n");
        text.Append($"  decision: {decision.Decision.ToCode()} ({decision.Reason.ToCode()})");
        if (decision.TargetVersion is not null)
        {
            text.Append($" to {decision.TargetVersion}");
        }

        if (decision.NextRun is { } nextRun)
        {
            text.Append($" at {TimeFormat.Format(nextRun)}");
        }

        text.Append($"\n  because:  {decision.Detail}\n");
        if (!explanation.Steps.IsEmpty)
        {
            text.Append("\nPipeline:\n");
            foreach (var step in explanation.Steps)
            {
                text.Append($"  - {step}\n");
            }
        }

        text.Append("\nCandidate versions, highest first:\n");
        if (explanation.Candidates.IsEmpty)
        {
            text.Append("  (none: OCM offers no upgrade)\n");
        }

        foreach (var candidate in explanation.Candidates)
        {
            var verdict = candidate.IsBlocked ? "blocked" : candidate.IsUpgradeable ? "upgradeable" : "held back";
            text.Append($"  {candidate.Version}: {verdict}\n");
            if (candidate.BlockedBy is not null)
            {
                text.Append($"      [x] blocked by pattern {candidate.BlockedBy}\n");
                continue;
            }

            text.Append("      [ok] not blocked\n");
            foreach (var condition in candidate.Conditions)
            {
                text.Append($"      [{(condition.Holds ? "ok" : "x")}] {condition.Detail}\n");
            }
        }

        if (!explanation.Gates.IsEmpty)
        {
            text.Append("\nVersion gates:\n");
            foreach (var gate in explanation.Gates)
            {
                text.Append($"  - {gate}\n");
            }
        }

        text.Append("\nActions for this cluster:\n");
        if (explanation.Actions.IsEmpty)
        {
            text.Append("  (none)\n");
        }

        foreach (var action in explanation.Actions)
        {
            text.Append($"  - {PlanTableWriter.Describe(action)}\n");
        }

        return text.ToString();
    }
}
