using Aus.Domain.Fleet;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>Version gates and the agreements to them: a gated version is taken only when every gate applying to the cluster is agreed.</summary>
internal sealed partial class UpgradePass
{
    private static readonly string[] DefaultApprovals = [VersionGate.OcpLabel];

    /// <summary>Gates of the target's minor that apply to the cluster and that OCM has no agreement for yet.</summary>
    private IEnumerable<VersionGate> MissingGates(UpgradeSpec spec, MinorVersion target) =>
        _gates.Where(g => g.VersionRawIdPrefix == target && AppliesTo(g, spec) && !spec.Cluster.GateAgreements.Contains(g.Id));

    /// <summary>
    /// Whether a gate concerns the cluster: its minor is among the minors OCM offers above the
    /// cluster's own, and its label has a handler (gate-ocp and gate-ingress always, gate-sts for STS
    /// clusters). Gates with other labels are ignored.
    /// </summary>
    private static bool AppliesTo(VersionGate gate, UpgradeSpec spec)
    {
        var cluster = spec.Cluster;
        return gate.VersionRawIdPrefix > cluster.Version.MinorVersion
            && cluster.AvailableUpgrades.Any(v => v.MinorVersion == gate.VersionRawIdPrefix)
            && gate.Label switch
            {
                VersionGate.OcpLabel or VersionGate.IngressLabel => true,
                VersionGate.StsLabel => cluster.StsEnabled,
                _ => false,
            };
    }

    private static IReadOnlyCollection<string> EnabledGateLabels(UpgradeSpec spec) =>
        spec.Policy.VersionGateApprovals.IsEmpty ? DefaultApprovals : spec.Policy.VersionGateApprovals;

    /// <summary>The approver's part of the pass: agree every applicable, unagreed gate whose label the policy allows.</summary>
    private void AddGateAgreements(UpgradeSpec spec)
    {
        var enabled = EnabledGateLabels(spec);
        foreach (var gate in _gates)
        {
            if (AppliesTo(gate, spec) && !spec.Cluster.GateAgreements.Contains(gate.Id) && enabled.Contains(gate.Label))
            {
                _actions.Add(new AgreeVersionGate(spec.Name, spec.ClusterId, gate.Id, gate.Label, gate.VersionRawIdPrefix.ToString()));
            }
        }
    }

    private IEnumerable<string> GateReport(UpgradeSpec spec) =>
        _gates.Where(g => AppliesTo(g, spec)).Select(g => PlanningMessages.GateStatus(g, spec.Cluster.GateAgreements.Contains(g.Id), EnabledGateLabels(spec).Contains(g.Label)));
}
