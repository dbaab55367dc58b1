using Aus.Domain.Policies;

namespace Aus.Domain.Planning;

/// <summary>Mutexes and sector parallelism: a cluster upgrades only when it can take every lock it needs.</summary>
internal sealed partial class UpgradePass
{
    // Counted when a sector limit is first reached in the pass: most passes never need it.
    private Dictionary<(SectorName Sector, MutexName Mutex), int>? _sectorMembers;

    /// <summary>The skip decision when the cluster may not start an upgrade now, or null when it may.</summary>
    private ClusterDecision? CheckCapacity(UpgradeSpec spec)
    {
        var sector = spec.Policy.Sector is { } name && _sectors.TryGetValue(name, out var found) ? found : null;
        return sector?.MaxParallelUpgrades is { } limit
            ? CheckSectorLimit(spec, sector.Name, limit)
            : CheckMutexes(spec);
    }

    /// <summary>Without a sector limit, any held mutex stops the cluster, whoever holds it.</summary>
    private ClusterDecision? CheckMutexes(UpgradeSpec spec)
    {
        foreach (var mutex in spec.EffectiveMutexes)
        {
            if (_locked.TryGetValue(mutex, out var holder))
            {
                var held = PlanningMessages.MutexHeld(mutex, holder);
                Record(held);
                return Skip(spec, Reason.MutexLocked, held);
            }
        }

        Record(static mutexes => PlanningMessages.MutexesFree(mutexes), spec.EffectiveMutexes);
        return null;
    }

    /// <summary>
    /// With a sector limit only upgrades in the same sector count, and the organization-wide locks
    /// are ignored: a mutex shared with another sector does not hold the cluster back (a reference quirk).
    /// </summary>
    private ClusterDecision? CheckSectorLimit(UpgradeSpec spec, SectorName sector, ParallelLimit limit)
    {
        var idle = true;
        foreach (var mutex in spec.EffectiveMutexes)
        {
            idle &= HoldersOf(sector, mutex).Count == 0;
        }

        if (idle)
        {
            Record(static sector => PlanningMessages.SectorIdle(sector), sector);
            return null;
        }

        foreach (var mutex in spec.EffectiveMutexes)
        {
            _sectorMembers ??= BuildSectorMembers(_specs, _memo.SectorMembers);
            var members = _sectorMembers.GetValueOrDefault((sector, mutex));
            var max = limit.MaxFor(members);
            var holders = HoldersOf(sector, mutex);
            if (holders.Count >= max)
            {
                var detail = PlanningMessages.SectorLimitReached(sector, limit, max, members, mutex, holders);
                Record(detail);
                return Skip(spec, Reason.SectorParallelLimit, detail);
            }
        }

        Record(static state => PlanningMessages.SectorBelowLimit(state.sector, state.limit), (sector, limit));
        return null;
    }

    private IReadOnlyList<Holder> HoldersOf(SectorName sector, MutexName mutex) =>
        _sectorUpgrades.TryGetValue((sector, mutex), out var holders) ? holders : [];

    private static Dictionary<(SectorName Sector, MutexName Mutex), int> BuildSectorMembers(IReadOnlyList<UpgradeSpec> specs, Dictionary<(SectorName Sector, MutexName Mutex), int> members)
    {
        var capacity = 0;
        foreach (var spec in specs)
        {
            capacity += spec.EffectiveMutexes.Length;
        }

        members.EnsureCapacity(capacity);
        foreach (var spec in specs)
        {
            if (spec.Policy.Sector is not { } sector)
            {
                continue;
            }

            foreach (var mutex in spec.EffectiveMutexes)
            {
                members[(sector, mutex)] = members.GetValueOrDefault((sector, mutex)) + 1;
            }
        }

        return members;
    }
}
