namespace Aus.Simulator;

/// <summary>
/// Upgrade failures on demand: the first clusters that start an upgrade to a version fail it, once
/// each, whatever the failure rate; and failed policies that OCM forgets after a while.
/// </summary>
internal sealed partial class SimWorld
{
    private readonly Dictionary<string, int> _failuresToCome = new(StringComparer.Ordinal);
    private readonly HashSet<(string ClusterId, string Version)> _failedOnDemand = [];

    /// <summary>How long a failed upgrade policy stays before OCM forgets it; null keeps it.</summary>
    public TimeSpan? FailedPolicyRetention { get; }

    /// <summary>The next <paramref name="clusters"/> clusters that start an upgrade to <paramref name="version"/> fail it (once each).</summary>
    public void FailUpgrades(string version, int clusters) => _failuresToCome[version] = clusters;

    /// <summary>How many more clusters will fail their upgrade to the version.</summary>
    public int FailuresToCome(string version) => _failuresToCome.GetValueOrDefault(version);

    /// <summary>Whether the upgrade starting now is one of those asked to fail; counts it when it is.</summary>
    private bool TakeFailureOnDemand(string clusterId, string version)
    {
        if (_failuresToCome.GetValueOrDefault(version) <= 0 || _failedOnDemand.Contains((clusterId, version)))
        {
            return false;
        }

        _failuresToCome[version]--;
        _failedOnDemand.Add((clusterId, version));
        return true;
    }
}
