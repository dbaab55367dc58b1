using System.Collections.Immutable;

namespace Aus.Simulator.Search;

/// <summary>A parsed search (conditions all joined by <c>and</c>) or why it cannot be parsed.</summary>
internal sealed record SearchParseResult(ImmutableArray<SearchCondition> Conditions, string? Error)
{
    public bool Succeeded => Error is null;
}
