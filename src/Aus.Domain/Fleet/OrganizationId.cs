namespace Aus.Domain.Fleet;

/// <summary>The OCM organization id; written as its text wherever it leaves the process.</summary>
public readonly record struct OrganizationId(string Value) : IComparable<OrganizationId>
{
    public int CompareTo(OrganizationId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
