using System.Collections.Immutable;
using Aus.Domain.History;
using Aus.Policies.Diagnostics;

namespace Aus.Policies.History;

/// <summary>A soak history file (docs/policy-reference.md, "Soak history"): the history, or null and every problem found.</summary>
public sealed record HistoryDocument(string File, VersionHistory? History, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The file could not be read at all (missing, too large, binary, not UTF-8).</summary>
    public bool IsUnreadable { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
