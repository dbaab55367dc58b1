using System.Collections.Immutable;

namespace Aus.Domain.History;

/// <summary>
/// One (version, workload) entry during a check-in: a cluster already reporting it adds the
/// elapsed days, a new one is only registered. Membership is kept in a set so that a check-in
/// stays linear however many clusters report the same version. The reporting list is copied only
/// when a cluster is new to it: in the steady state every check-in keeps the stored one.
/// </summary>
internal sealed class SoakTally
{
    private readonly ImmutableArray<string> _stored;
    private ImmutableArray<string>.Builder? _reporting;
    private readonly HashSet<string> _members;
    private double _soakDays;

    public SoakTally(WorkloadSoak soak)
    {
        _soakDays = soak.SoakDays;
        _stored = soak.Reporting;
        _members = new HashSet<string>(soak.Reporting, StringComparer.Ordinal);
    }

    public void CheckIn(string cluster, double elapsedDays)
    {
        if (_members.Add(cluster))
        {
            _reporting ??= _stored.ToBuilder();
            _reporting.Add(cluster);
        }
        else
        {
            _soakDays += elapsedDays;
        }
    }

    public WorkloadSoak ToSoak() => new(_soakDays, _reporting?.ToImmutable() ?? _stored);
}
