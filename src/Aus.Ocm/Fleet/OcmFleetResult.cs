using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Ocm.Fleet;

/// <summary>
/// What one read of OCM found: the snapshot of every organization that could be read, one error per
/// organization that could not (absent from the snapshot), warnings that stopped nothing, and the
/// HTTP calls the read made.
/// </summary>
public sealed record OcmFleetResult(
    FleetSnapshot Snapshot,
    ImmutableArray<OcmOrganizationError> Errors,
    ImmutableArray<string> Warnings,
    OcmCallCounts Calls);
