namespace Aus.Domain.Planning;

/// <summary>
/// One condition a candidate version must meet, whether it holds, and why, in a sentence.
/// Conditions compare by these three values.
/// </summary>
/// <remarks>
/// The planner writes the sentence only when it is first read (<see cref="Condition{TFacts}"/>):
/// a pass checks many more conditions than it reports, and writing every sentence was most of
/// what a large plan allocated.
/// </remarks>
public class Condition : IEquatable<Condition>
{
    private string? _detail;

    public Condition(Reason failureReason, bool holds, string detail)
    {
        FailureReason = failureReason;
        Holds = holds;
        _detail = detail;
    }

    private protected Condition(Reason failureReason, bool holds)
    {
        FailureReason = failureReason;
        Holds = holds;
    }

    public Reason FailureReason { get; }

    public bool Holds { get; }

    // Two threads reading it first both write the same sentence; either copy may stay.
    public string Detail => _detail ??= Write();

    public bool Equals(Condition? other) =>
        other is not null && FailureReason == other.FailureReason && Holds == other.Holds && Detail == other.Detail;

    public override bool Equals(object? obj) => Equals(obj as Condition);

    public override int GetHashCode() => HashCode.Combine(FailureReason, Holds, Detail);

    public override string ToString() => $"Condition {{ FailureReason = {FailureReason}, Holds = {Holds}, Detail = {Detail} }}";

    public static bool operator ==(Condition? left, Condition? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Condition? left, Condition? right) => !(left == right);

    public void Deconstruct(out Reason failureReason, out bool holds, out string detail) =>
        (failureReason, holds, detail) = (FailureReason, Holds, Detail);

    /// <summary>A condition whose sentence is written from <paramref name="facts"/> when first read; <paramref name="write"/> should be a static lambda.</summary>
    internal static Condition Lazy<TFacts>(Reason failureReason, bool holds, TFacts facts, Func<TFacts, string> write) =>
        new Condition<TFacts>(failureReason, holds, facts, write);

    /// <summary>Writes the sentence of a condition made without one.</summary>
    private protected virtual string Write() => string.Empty;
}

/// <summary>A condition that keeps the facts of its sentence and writes it from them when it is first read.</summary>
internal sealed class Condition<TFacts>(Reason failureReason, bool holds, TFacts facts, Func<TFacts, string> write)
    : Condition(failureReason, holds)
{
    private protected override string Write() => write(facts);
}
