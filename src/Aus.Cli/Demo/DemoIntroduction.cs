using System.Collections.Immutable;
using Aus.Application.Forecast;

namespace Aus.Cli.Demo;

/// <summary>What the demo tells before the first pass: what runs where, and what will be rolled out.</summary>
internal sealed record DemoIntroduction
{
    public required string OcmUrl { get; init; }

    public required string StatePath { get; init; }

    public required string Release { get; init; }

    public required IReadOnlyList<string> Channels { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required TimeSpan PassInterval { get; init; }

    public required double Speed { get; init; }

    public required double Days { get; init; }

    /// <summary>The add-on versions whose rollout the demo follows, by add-on id (empty without add-ons).</summary>
    public ImmutableSortedDictionary<string, string> AddonVersions { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Whether OCM publishes <see cref="AddonVersions"/> at the start (the built-in example), rather than having them already.</summary>
    public bool AddonVersionsPublished { get; init; }

    /// <summary>The forecast of the rollout, made as the release is published.</summary>
    public Forecast? Forecast { get; init; }

    /// <summary>One line per organization: its clusters by sector, in dependency order.</summary>
    public ImmutableArray<string> Organizations { get; init; } = [];

    /// <summary>The soak days the clusters require, per workload (highest), to show the release's progress against.</summary>
    public ImmutableSortedDictionary<string, int> RequiredSoak { get; init; } = ImmutableSortedDictionary<string, int>.Empty;
}
