namespace Aus.Domain.Policies;

/// <summary>A workload identifier: soak days and sector checks are kept per workload.</summary>
public readonly record struct Workload(string Value) : IComparable<Workload>
{
    public int CompareTo(Workload other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
