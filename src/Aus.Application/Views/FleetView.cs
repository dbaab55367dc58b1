using System.Collections.Immutable;

namespace Aus.Application.Views;

/// <summary>
/// What the dashboard and the HTML report show: the fleet per OCM environment and organization, as
/// the last plan left it, and the service's last passes. Built by <see cref="FleetViewBuilder"/>.
/// </summary>
public sealed record FleetView(DateTimeOffset Now, ImmutableArray<EnvironmentView> Environments)
{
    /// <summary>The service's last passes, newest first (empty for a one-off report).</summary>
    public ImmutableArray<PassView> Passes { get; init; } = [];
}

/// <summary>One OCM environment and its organizations, by name.</summary>
public sealed record EnvironmentView(string Name, ImmutableArray<OrganizationView> Organizations);
