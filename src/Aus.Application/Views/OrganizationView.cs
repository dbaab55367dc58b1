using System.Collections.Immutable;

namespace Aus.Application.Views;

/// <summary>One organization: its clusters in planning order, its sectors in dependency order and what holds what.</summary>
public sealed record OrganizationView
{
    public required string OrgId { get; init; }

    public required string Name { get; init; }

    /// <summary>Validation errors (any error stops the organization's actions) and errors of a rejected policy edit.</summary>
    public ImmutableArray<MessageView> Errors { get; init; } = [];

    public ImmutableArray<MessageView> Warnings { get; init; } = [];

    /// <summary>Why the organization could not be planned in the last pass, if it could not.</summary>
    public string? Failure { get; init; }

    /// <summary>Organizations whose version data this one inherits, by display name.</summary>
    public ImmutableArray<string> InheritsFrom { get; init; } = [];

    /// <summary>The newest version any of the organization's clusters runs; sector progress counts clusters on it.</summary>
    public string? NewestVersion { get; init; }

    public ImmutableArray<SectorView> Sectors { get; init; } = [];

    public ImmutableArray<ClusterView> Clusters { get; init; } = [];

    public ImmutableArray<MutexHolderView> MutexHolders { get; init; } = [];

    public ImmutableArray<UpgradeInProgressView> InProgress { get; init; } = [];

    /// <summary>
    /// The forecast timeline of the newest release, once a forecast is computed for the view
    /// (the forecast use case fills it; null shows no timeline).
    /// </summary>
    public ForecastTimelineView? Forecast { get; init; }
}

/// <summary>A validation message, with the cluster it is about when it is about one.</summary>
public sealed record MessageView(string? Cluster, string Message);
