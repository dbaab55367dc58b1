using System.Collections.Immutable;

namespace Aus.Domain.Controls;

/// <summary>
/// The safety controls an operator (or the halt rule) put on one organization's rollout: pauses,
/// approvals and halted versions. <see cref="Empty"/>, the default, changes no decision.
/// </summary>
public sealed record RolloutControls
{
    public static readonly RolloutControls Empty = new();

    public ImmutableArray<RolloutPause> Pauses { get; init; } = [];

    public ImmutableArray<RolloutApproval> Approvals { get; init; } = [];

    /// <summary>Versions no cluster of the organization may upgrade to (halted after failed upgrades).</summary>
    public ImmutableArray<string> HaltedVersions { get; init; } = [];

    public bool IsEmpty => Pauses.IsEmpty && Approvals.IsEmpty && HaltedVersions.IsEmpty;

    /// <summary>The first pause in force at <paramref name="now"/> that covers the cluster (organization, then sector, then cluster).</summary>
    public RolloutPause? ClusterPauseAt(DateTimeOffset now, string cluster, string? sector)
    {
        foreach (var scope in (ReadOnlySpan<PauseScope>)[PauseScope.Organization, PauseScope.Sector, PauseScope.Cluster])
        {
            foreach (var pause in Pauses)
            {
                if (pause.Scope == scope && pause.IsActiveAt(now) && Covers(pause, cluster, sector))
                {
                    return pause;
                }
            }
        }

        return null;
    }

    /// <summary>The version pause in force at <paramref name="now"/> for the version, if any.</summary>
    public RolloutPause? VersionPauseAt(DateTimeOffset now, string version)
    {
        foreach (var pause in Pauses)
        {
            if (pause.Scope == PauseScope.Version && pause.IsActiveAt(now) && string.Equals(pause.Target, version, StringComparison.Ordinal))
            {
                return pause;
            }
        }

        return null;
    }

    /// <summary>
    /// The pause in force at <paramref name="now"/> that cancels the scheduled upgrade policy of the
    /// cluster to <paramref name="version"/>: one with <see cref="RolloutPause.CancelScheduled"/> that
    /// covers the cluster (organization, sector, cluster) or the version. Null when none does.
    /// </summary>
    public RolloutPause? CancellingPauseAt(DateTimeOffset now, string cluster, string? sector, string version)
    {
        foreach (var scope in (ReadOnlySpan<PauseScope>)[PauseScope.Organization, PauseScope.Sector, PauseScope.Cluster, PauseScope.Version])
        {
            foreach (var pause in Pauses)
            {
                if (pause.CancelScheduled && pause.Scope == scope && pause.IsActiveAt(now)
                    && (scope == PauseScope.Version ? string.Equals(pause.Target, version, StringComparison.Ordinal) : Covers(pause, cluster, sector)))
                {
                    return pause;
                }
            }
        }

        return null;
    }

    /// <summary>Whether any pause cancels scheduled policies (in force or not), so that existing policies are looked at.</summary>
    public bool CancelsScheduled => Pauses.Any(p => p.CancelScheduled);

    public bool IsHalted(string version) => HaltedVersions.Contains(version, StringComparer.Ordinal);

    public bool IsApproved(string sector, string version) =>
        Approvals.Any(a => string.Equals(a.Sector, sector, StringComparison.Ordinal) && string.Equals(a.Version, version, StringComparison.Ordinal));

    /// <summary>Whether any control holds versions back (a halt or a version pause), so that candidates get that condition.</summary>
    public bool HoldsVersions => !HaltedVersions.IsEmpty || Pauses.Any(p => p.Scope == PauseScope.Version);

    private static bool Covers(RolloutPause pause, string cluster, string? sector) => pause.Scope switch
    {
        PauseScope.Organization => true,
        PauseScope.Sector => sector is not null && string.Equals(pause.Target, sector, StringComparison.Ordinal),
        PauseScope.Cluster => string.Equals(pause.Target, cluster, StringComparison.Ordinal),
        _ => false,
    };
}
