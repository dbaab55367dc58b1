using System.Collections.Immutable;

namespace Aus.Simulator.Search;

/// <summary>One condition of an OCM search: <c>field op value</c>, or <c>field in (values)</c>.</summary>
internal sealed record SearchCondition(string Field, SearchOperator Operator, ImmutableArray<string> Values);
