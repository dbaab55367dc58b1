namespace Aus.Domain.Fleet;

/// <summary>The OCM cluster id.</summary>
public readonly record struct ClusterId(string Value) : IComparable<ClusterId>
{
    public int CompareTo(ClusterId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
