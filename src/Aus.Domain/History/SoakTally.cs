using System.Collections.Immutable;

namespace Aus.Domain.History;

/// <summary>
/// One (version, workload) entry during a check-in: a cluster already reporting it adds the
/// elapsed days, a new one is only registered. The reporting list is copied only when a cluster is
/// new to it: in the steady state every check-in keeps the stored one. Membership is looked up by
/// scanning a short list and in a set once the list is long, so that a check-in stays linear
/// however many clusters report the same version.
/// </summary>
internal sealed class SoakTally
{
    // Up to this many names a scan costs less than hashing every name into a set.
    private const int ScanLimit = 16;

    private readonly ImmutableArray<string> _stored;
    private ImmutableArray<string>.Builder? _reporting;
    private HashSet<string>? _members;
    private double _soakDays;

    public SoakTally(WorkloadSoak soak)
    {
        _soakDays = soak.SoakDays;
        _stored = soak.Reporting;
        if (_stored.Length > ScanLimit)
        {
            _members = new HashSet<string>(_stored, StringComparer.Ordinal);
        }
    }

    public void CheckIn(string cluster, double elapsedDays)
    {
        if (_members?.Add(cluster) ?? !IsListed(cluster))
        {
            _reporting ??= _stored.ToBuilder();
            _reporting.Add(cluster);
            if (_members is null && _reporting.Count > ScanLimit)
            {
                _members = new HashSet<string>(_reporting, StringComparer.Ordinal);
            }
        }
        else
        {
            _soakDays += elapsedDays;
        }
    }

    public WorkloadSoak ToSoak() => new(_soakDays, _reporting?.ToImmutable() ?? _stored);

    private bool IsListed(string cluster)
    {
        if (_reporting is null)
        {
            foreach (var name in _stored)
            {
                if (string.Equals(name, cluster, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = 0; i < _reporting.Count; i++)
        {
            if (string.Equals(_reporting[i], cluster, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
