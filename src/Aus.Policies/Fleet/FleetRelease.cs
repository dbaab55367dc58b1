using System.Collections.Immutable;
using Aus.Domain.Versions;

namespace Aus.Policies.Fleet;

/// <summary>A release the OCM simulator offers (the fleet file's top-level releases), with the channels it is in.</summary>
public sealed record FleetRelease(OpenShiftVersion Version, ImmutableArray<string> Channels);
