namespace Aus.Domain.Fleet;

/// <summary>What an upgrade policy upgrades.</summary>
public enum UpgradePolicyKind
{
    /// <summary>A classic cluster (OSD, ROSA classic).</summary>
    Cluster,

    /// <summary>The hosted control plane of a ROSA HCP cluster.</summary>
    ControlPlane,

    /// <summary>A node pool of a ROSA HCP cluster.</summary>
    NodePool,

    /// <summary>An add-on installed on a cluster.</summary>
    Addon,
}
