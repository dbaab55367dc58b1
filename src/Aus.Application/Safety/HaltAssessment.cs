using System.Collections.Immutable;

namespace Aus.Application.Safety;

/// <summary>What the halt rule found in one pass for one organization.</summary>
public sealed record HaltAssessment
{
    public static readonly HaltAssessment None = new();

    /// <summary>Failures seen in OCM that the store does not hold yet: record them.</summary>
    public ImmutableArray<UpgradeFailure> NewFailures { get; init; } = [];

    /// <summary>Every version whose failures reach the threshold, in version-text order.</summary>
    public ImmutableArray<string> HaltedVersions { get; init; } = [];

    /// <summary>Halted versions that were not halted before this pass: record and announce them (`version-halted`).</summary>
    public ImmutableArray<string> NewlyHalted { get; init; } = [];
}
