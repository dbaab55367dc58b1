namespace Aus.Application.Views;

/// <summary>One sector and how far it has got: its clusters on the organization's newest version.</summary>
public sealed record SectorView(string Name, System.Collections.Immutable.ImmutableArray<string> DependsOn, int OnNewest, int Total);

/// <summary>A mutex held by a cluster whose upgrade is scheduled or running; other clusters sharing it wait.</summary>
public sealed record MutexHolderView(string Mutex, string Cluster, string? Version);

/// <summary>One pass of the service: when, how long, what it did and what went wrong.</summary>
public sealed record PassView(DateTimeOffset Time, TimeSpan Duration, int Organizations, int Actions, int FailedActions)
{
    /// <summary>Failures and errors, one line each, naming the organization.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Errors { get; init; } = [];
}
