using Aus.Domain.Fleet;

namespace Aus.Ocm.Fleet;

/// <summary>
/// Whether a version gate can matter for a cluster (as the reference decides it): its MAJOR.MINOR is
/// among the minors the cluster may upgrade to, above the cluster's own minor, and its label has a
/// handler (OCP and ingress gates always, STS gates for STS clusters). Used to skip reading the
/// gate agreements of clusters no gate can hold.
/// </summary>
internal static class GateApplicability
{
    public static bool Applies(VersionGate gate, OcmCluster cluster)
    {
        var prefix = gate.VersionRawIdPrefix;
        return prefix > cluster.Version.MinorVersion
            && cluster.AvailableUpgrades.Any(v => v.MinorVersion == prefix)
            && HasHandler(gate.Label, cluster.StsEnabled);
    }

    public static bool AnyApplies(IEnumerable<VersionGate> gates, OcmCluster cluster) => gates.Any(g => Applies(g, cluster));

    private static bool HasHandler(string label, bool sts) => label switch
    {
        VersionGate.OcpLabel or VersionGate.IngressLabel => true,
        VersionGate.StsLabel => sts,
        _ => false,
    };
}
