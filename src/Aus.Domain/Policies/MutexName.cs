namespace Aus.Domain.Policies;

/// <summary>A named lock; clusters sharing one upgrade one at a time.</summary>
public readonly record struct MutexName(string Value) : IComparable<MutexName>
{
    public int CompareTo(MutexName other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
