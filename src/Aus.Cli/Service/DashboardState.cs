using System.Collections.Immutable;
using Aus.Application.Inputs;
using Aus.Application.Reconcile;
using Aus.Application.Views;

namespace Aus.Cli.Service;

/// <summary>
/// What the dashboard shows between passes: each organization's last plan and the last passes.
/// Written by the pass loop, read by the HTTP endpoints; only whole snapshots are swapped.
/// </summary>
internal sealed class DashboardState
{
    /// <summary>How many passes the dashboard lists.</summary>
    public const int PassesKept = 20;

    private readonly Lock _lock = new();
    private ImmutableDictionary<(string Environment, string OrgId), OrganizationSource> _organizations = ImmutableDictionary<(string, string), OrganizationSource>.Empty;
    private ImmutableList<PassView> _passes = [];
    private DateTimeOffset? _now;

    /// <summary>Takes in a pass. An organization another replica had keeps the plan this replica last made of it.</summary>
    public void Record(ServicePass pass, IEnumerable<OrganizationConfig> organizations)
    {
        ArgumentNullException.ThrowIfNull(pass);
        Record(pass.Now, pass.Duration, pass.Organizations, organizations);
    }

    /// <summary>Takes in the outcomes of a pass at <paramref name="now"/> that took <paramref name="duration"/>.</summary>
    public void Record(DateTimeOffset now, TimeSpan duration, ImmutableArray<OrganizationOutcome> outcomes, IEnumerable<OrganizationConfig> organizations)
    {
        var sources = FleetViewBuilder.Sources(outcomes, organizations.Select(o => o.Policy));
        var view = FleetViewBuilder.Pass(now, duration, outcomes);
        lock (_lock)
        {
            var kept = sources.Select(s => s.Plan is null && s.Failure is null && _organizations.TryGetValue((s.Environment, s.OrgId), out var earlier) ? earlier : s);
            _organizations = kept.ToImmutableDictionary(s => (s.Environment, s.OrgId));
            _passes = _passes.Insert(0, view);
            if (_passes.Count > PassesKept)
            {
                _passes = _passes.RemoveRange(PassesKept, _passes.Count - PassesKept);
            }

            _now = now;
        }
    }

    /// <summary>The view as of the last pass (empty before the first).</summary>
    public FleetView View(DateTimeOffset fallbackNow)
    {
        lock (_lock)
        {
            return FleetViewBuilder.Build(_now ?? fallbackNow, _organizations.Values) with { Passes = [.. _passes] };
        }
    }
}
