using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Policies.Diagnostics;
using Aus.Policies.Files;

namespace Aus.Policies.Fleet;

/// <summary>What a fleet snapshot file holds, as far as it could be read, and every problem found in it.</summary>
/// <param name="File">The file name as given (used in every diagnostic).</param>
/// <param name="Snapshot">
/// The snapshot, best effort: null only when the file has no readable top-level mapping. Clusters,
/// gates and organizations with errors are left out of it.
/// </param>
/// <param name="Releases">The top-level releases list (for the OCM simulator), in file order.</param>
/// <param name="Diagnostics">Every error, in file order.</param>
public sealed record FleetDocument(
    string File,
    FleetSnapshot? Snapshot,
    ImmutableArray<FleetRelease> Releases,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The file could not be read at all (missing, too large, binary, not UTF-8).</summary>
    public bool IsUnreadable { get; init; }

    /// <summary>
    /// What the file recognisably is when it is not a fleet snapshot (an organization file, a soak
    /// history, a settings file), told from the same parse: a command can name the option the file
    /// belongs to instead of listing what a fleet snapshot lacks. Null for a fleet snapshot.
    /// </summary>
    public PolicyFileKind? OtherKind { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
