using Aus.Application.Rollout;
using Aus.Simulator;

namespace Aus.Cli.Demo;

/// <summary>The simulator's upgrade events as the rollout follow-up reads them.</summary>
internal static class DemoTransitions
{
    /// <summary>The transition of a simulator event; null for an add-on event without its add-on (nothing to follow).</summary>
    public static UpgradeTransition? Of(SimEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var addon = e.Kind == "addon" ? e.AddonId : null;
        if (e.Kind == "addon" && addon is null)
        {
            return null;
        }

        var state = e.State switch
        {
            "started" => UpgradeTransitionState.Started,
            "completed" => UpgradeTransitionState.Completed,
            _ => UpgradeTransitionState.Ended,
        };
        return new UpgradeTransition(e.At, e.ClusterName, e.Version, state) { NodePool = e.NodePoolId, Addon = addon };
    }
}
