using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Application.Safety;
using Aus.Domain.Controls;

namespace Aus.Application.Tests.Fakes;

/// <summary>Rollout controls and the halt rule's records in memory; a store that can fail for some organizations.</summary>
internal sealed class InMemoryControlStore : IControlStore
{
    public Dictionary<string, RolloutControls> Controls { get; } = new(StringComparer.Ordinal);

    public List<(string OrgId, RecordedFailure Failure, DateTimeOffset SeenAt)> Failures { get; } = [];

    public List<(string OrgId, string Version, string Reason, DateTimeOffset At)> Halts { get; } = [];

    public HashSet<string> Unreadable { get; } = new(StringComparer.Ordinal);

    public Task<OrganizationControls> GetControlsAsync(OrganizationKey key, CancellationToken cancellationToken)
    {
        if (Unreadable.Contains(key.OrganizationId.Value))
        {
            throw new StateStoreException("the control store is down");
        }

        var controls = Controls.GetValueOrDefault(key.OrganizationId.Value) ?? RolloutControls.Empty;
        var halted = Halts.Where(h => h.OrgId == key.OrganizationId.Value).Select(h => h.Version);
        return Task.FromResult(new OrganizationControls(
            controls with { HaltedVersions = [.. controls.HaltedVersions.Union(halted, StringComparer.Ordinal)] },
            [.. Failures.Where(f => f.OrgId == key.OrganizationId.Value).Select(f => f.Failure)]));
    }

    public Task RecordFailuresAsync(OrganizationKey key, IReadOnlyList<UpgradeFailure> failures, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        Failures.AddRange(failures.Select(f => (key.OrganizationId.Value, new RecordedFailure(f, false), seenAt)));
        return Task.CompletedTask;
    }

    public Task HaltAsync(OrganizationKey key, string version, string reason, DateTimeOffset haltedAt, CancellationToken cancellationToken)
    {
        Halts.Add((key.OrganizationId.Value, version, reason, haltedAt));
        return Task.CompletedTask;
    }

    public ImmutableArray<string> HaltedIn(string orgId) => [.. Halts.Where(h => h.OrgId == orgId).Select(h => h.Version)];
}
