namespace Aus.Domain.Policies;

/// <summary>The name of a sector (stage, prod-blue, ...).</summary>
public readonly record struct SectorName(string Value) : IComparable<SectorName>
{
    public int CompareTo(SectorName other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
