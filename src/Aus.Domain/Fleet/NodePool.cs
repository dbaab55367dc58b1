using Aus.Domain.Versions;

namespace Aus.Domain.Fleet;

/// <summary>A node pool of a hosted control plane cluster and the version it runs.</summary>
public sealed record NodePool(string Id, OpenShiftVersion Version);
