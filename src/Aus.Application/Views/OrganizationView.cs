using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Application.Views;

/// <summary>One organization: its clusters in planning order, its sectors in dependency order and what holds what.</summary>
public sealed record OrganizationView
{
    public required OrganizationId OrgId { get; init; }

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

    /// <summary>The upgrade policies OCM has that are not completed or cancelled, and those the last pass planned.</summary>
    public ImmutableArray<UpgradePolicyView> InProgress { get; init; } = [];

    /// <summary>The rollout safety controls in force.</summary>
    public ControlsView Controls { get; init; } = ControlsView.None;

    /// <summary>The forecast timeline of the newest release; null when there is none (see <see cref="ForecastUnavailable"/>) or it is being computed.</summary>
    public ForecastTimelineView? Forecast { get; init; }

    /// <summary>Why there is no forecast: it failed, took too long or found no version to follow.</summary>
    public string? ForecastUnavailable { get; init; }

    /// <summary>The first forecast of the service is being computed.</summary>
    public bool ForecastPending { get; init; }
}

/// <summary>A validation message, with the cluster it is about when it is about one.</summary>
public sealed record MessageView(string? Cluster, string Message);
