using System.Globalization;

namespace Aus.Domain.Planning;

/// <summary>Y-stream channel switches: moving a cluster to the next minor's channel when the policy allows it.</summary>
internal sealed partial class UpgradePass
{
    private readonly Dictionary<string, string?> _nextChannels;

    /// <summary>
    /// Plans a switch to the next y-stream channel when OCM offers it. Only called outside the window
    /// or when no version is upgradeable; blocked versions, soak and locks do not matter here.
    /// Returns a sentence to add to the cluster's detail, or an empty string.
    /// </summary>
    private string TrySwitchChannel(UpgradeSpec spec)
    {
        var current = spec.Cluster.Channel.Value;
        if (!_nextChannels.TryGetValue(current, out var next))
        {
            // Clusters share a handful of channels: work each one out once per pass.
            next = NextYStreamChannel(current);
            _nextChannels[current] = next;
        }

        if (next is not { } target
            || target == current
            || !spec.Cluster.AvailableChannels.Contains(new Fleet.ChannelName(target)))
        {
            return string.Empty;
        }

        _actions.Add(new SwitchChannel(spec.Name, spec.ClusterId, new Fleet.ChannelName(current), new Fleet.ChannelName(target)));
        Record(PlanningMessages.ChannelSwitch(current, target));
        return PlanningMessages.ChannelSwitch(current, target);
    }

    /// <summary>
    /// The channel after "prefix-X.Y": "prefix-X.(Y+1)", and for eus the next even minor. Null when
    /// the channel does not end in two all-digit segments.
    /// </summary>
    internal static string? NextYStreamChannel(string channel)
    {
        var dash = channel.LastIndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var prefix = channel[..dash];
        var parts = channel[(dash + 1)..].Split('.');
        if (parts.Length != 2
            || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return null;
        }

        var next = minor + 1;
        if (prefix == "eus" && next % 2 == 1)
        {
            next++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{major}.{next}");
    }
}
