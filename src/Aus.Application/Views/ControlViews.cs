using System.Collections.Immutable;
using Aus.Domain.Controls;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Application.Views;

/// <summary>The controls part of an organization's view, from what its pass read: the stored controls, the freezes of its file, its decisions.</summary>
internal static class ControlViews
{
    public static ControlsView Of(RolloutControls controls, OrganizationPolicy? policy, IEnumerable<ClusterView> clusters, DateTimeOffset now) => new()
    {
        Pauses =
        [
            .. controls.Pauses.Where(p => p.IsActiveAt(now)).Select(p => new PauseView(p.Scope, p.Target, p.Reason, p.Until, p.PausedBy, p.PausedAt) { CancelScheduled = p.CancelScheduled }),
        ],
        Freezes = [.. (policy?.Freezes ?? []).Select(f => Occurrence(f, now)).OfType<FreezeView>().OrderBy(f => f.Start)],
        AwaitingApproval =
        [
            .. clusters
                .Where(c => c.Reason == "awaiting-approval" && c.Sector is not null)
                .GroupBy(c => (Sector: c.Sector!, Version: AwaitedVersion(c)))
                .Select(g => new ApprovalWaitView(g.Key.Sector, g.Key.Version, [.. g.Select(c => c.Name)])),
        ],
        Approved = controls.Approvals,
        HaltedVersions = controls.HaltedVersions,
    };

    /// <summary>The occurrence on at <paramref name="now"/>, else the next to open; null for a fixed freeze that is over.</summary>
    private static FreezeView? Occurrence(FreezeWindow freeze, DateTimeOffset now)
    {
        if (freeze.OccurrenceAt(now) is { } on)
        {
            return new FreezeView(freeze.Name, on.Start, on.End, Active: true);
        }

        if (freeze.Start is { } start && freeze.End is { } end)
        {
            return start > now ? new FreezeView(freeze.Name, start, end, Active: false) : null;
        }

        return freeze.Schedule?.NextAfter(now) is { } opens && freeze.Duration is { } duration
            ? new FreezeView(freeze.Name, opens, opens + duration, Active: false)
            : null;
    }

    /// <summary>
    /// A cluster waits for approval of the highest version it is offered: the planner weighs the
    /// highest unblocked candidate first and holds for approval only once it meets every other condition.
    /// </summary>
    private static string? AwaitedVersion(ClusterView cluster) =>
        cluster.Candidates
            .Select(c => OpenShiftVersion.TryParse(c.Version, out var v) ? v : null)
            .OfType<OpenShiftVersion>()
            .DefaultIfEmpty()
            .Max()?.ToString();
}
