using System.Collections.Immutable;
using System.Globalization;
using Aus.Domain.Fleet;
using Aus.Domain.Versions;
using Aus.Ocm.Wire;

namespace Aus.Ocm.Fleet;

/// <summary>From OCM wire shapes to the domain. Bad versions are reported, never thrown.</summary>
internal static class WireMapping
{
    public static VersionGate? ToGate(WireVersionGate gate) =>
        gate.Id is { } id && MinorVersion.TryParse(gate.VersionRawIdPrefix, out var prefix)
            ? new VersionGate(id, prefix.Value, gate.Label ?? string.Empty, gate.StsOnly ?? false)
            : null;

    /// <summary>The cluster without its per-cluster details (policies, node pools, agreements), or the problems that prevent it.</summary>
    public static OcmCluster? ToCluster(WireCluster wire, ImmutableDictionary<string, string> labels, List<string> errors)
    {
        var name = wire.Name ?? wire.Id ?? "?";
        var where = $"cluster {name} (id {wire.Id ?? "missing"})";
        if (string.IsNullOrEmpty(wire.Id))
        {
            errors.Add($"{where}: OCM returned a cluster without an id");
            return null;
        }

        var errorCount = errors.Count;
        var version = ParseVersion(wire.Version?.RawId, $"{where}: version.raw_id", errors);
        var upgrades = ImmutableArray.CreateBuilder<OpenShiftVersion>();
        var available = wire.Version?.AvailableUpgrades ?? [];
        for (var i = 0; i < available.Count; i++)
        {
            if (ParseVersion(available[i], string.Create(CultureInfo.InvariantCulture, $"{where}: version.available_upgrades[{i}]"), errors) is { } upgrade)
            {
                upgrades.Add(upgrade);
            }
        }

        if (errors.Count > errorCount || version is null)
        {
            return null;
        }

        return new OcmCluster
        {
            Name = name,
            Id = new ClusterId(wire.Id),
            ExternalId = wire.ExternalId ?? string.Empty,
            Product = wire.Product?.Id ?? "osd",
            Hypershift = wire.Hypershift?.Enabled ?? false,
            Channel = new ChannelName(wire.Channel ?? string.Empty),
            Version = version,
            AvailableUpgrades = upgrades.ToImmutable(),
            AvailableChannels = [.. (wire.Version?.AvailableChannels ?? []).Select(c => new ChannelName(c))],
            StsEnabled = wire.Aws?.Sts?.Enabled ?? false,
            Labels = labels,
        };
    }

    public static NodePool? ToNodePool(WireNodePool wire, OcmCluster cluster, List<string> errors)
    {
        var where = $"cluster {cluster.Name} (id {cluster.Id}): node pool {wire.Id ?? "without id"}";
        if (string.IsNullOrEmpty(wire.Id))
        {
            errors.Add($"{where}: OCM returned a node pool without an id");
            return null;
        }

        return ParseVersion(wire.Version?.RawId, $"{where}: version.raw_id", errors) is { } version
            ? new NodePool(wire.Id, version)
            : null;
    }

    public static ExistingUpgradePolicy ToPolicy(WireUpgradePolicy wire, UpgradePolicyKind kind, string? nodePoolId, string? stateValue) => new()
    {
        Id = wire.Id ?? string.Empty,
        Version = wire.Version ?? string.Empty,
        Kind = kind,
        NodePoolId = nodePoolId,
        ScheduleType = wire.ScheduleType ?? "manual",
        NextRun = ParseTime(wire.NextRun),
        State = ToState(stateValue),
    };

    public static UpgradePolicyState ToState(string? value) => value?.ToUpperInvariant() switch
    {
        "PENDING" => UpgradePolicyState.Pending,
        "SCHEDULED" => UpgradePolicyState.Scheduled,
        "STARTED" => UpgradePolicyState.Started,
        "DELAYED" => UpgradePolicyState.Delayed,
        "FAILED" => UpgradePolicyState.Failed,
        "CANCELLED" => UpgradePolicyState.Cancelled,
        "COMPLETED" => UpgradePolicyState.Completed,
        _ => UpgradePolicyState.Unknown,
    };

    public static ImmutableDictionary<string, string> ToLabels(IEnumerable<WireLabel>? labels)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var label in labels ?? [])
        {
            if (label.Key is { } key)
            {
                builder[key] = label.Value ?? string.Empty;
            }
        }

        return builder.ToImmutable();
    }

    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static OpenShiftVersion? ParseVersion(string? text, string where, List<string> errors)
    {
        if (OpenShiftVersion.TryParse(text, out var version, out var error))
        {
            return version;
        }

        errors.Add($"{where}: {error}");
        return null;
    }
}
