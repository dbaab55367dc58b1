using Aus.Domain.Versions;

namespace Aus.Domain.Fleet;

/// <summary>An OCM version gate: an upgrade into its minor needs an agreement first.</summary>
public sealed record VersionGate(string Id, MinorVersion VersionRawIdPrefix, string Label, bool StsOnly)
{
    public const string OcpLabel = "api.openshift.com/gate-ocp";
    public const string IngressLabel = "api.openshift.com/gate-ingress";
    public const string StsLabel = "api.openshift.com/gate-sts";
}
