namespace Aus.Domain.Controls;

/// <summary>What a pause covers: the whole organization, one sector, one cluster, or one version.</summary>
public enum PauseScope
{
    Organization,
    Sector,
    Cluster,
    Version,
}
