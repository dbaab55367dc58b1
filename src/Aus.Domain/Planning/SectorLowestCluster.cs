using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>The cluster of a sector that runs a workload on the lowest version.</summary>
internal sealed record SectorLowestCluster(string Cluster, OpenShiftVersion Version);
