namespace Aus.Domain.Fleet;

/// <summary>The name of an OCM environment (production, stage, ...); written as its text wherever it leaves the process.</summary>
public readonly record struct EnvironmentName(string Value) : IComparable<EnvironmentName>
{
    public int CompareTo(EnvironmentName other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
