using System.Text.Json.Serialization;

namespace Aus.Ocm.Wire;

/// <summary>Source-generated JSON for the OCM wire shapes: snake_case, unknown fields ignored, nulls not written.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WirePage<WireSubscription>))]
[JsonSerializable(typeof(WirePage<WireCluster>))]
[JsonSerializable(typeof(WirePage<WireNodePool>))]
[JsonSerializable(typeof(WirePage<WireUpgradePolicy>))]
[JsonSerializable(typeof(WirePage<WireVersionGate>))]
[JsonSerializable(typeof(WirePage<WireGateAgreement>))]
[JsonSerializable(typeof(WirePage<WireLabel>))]
[JsonSerializable(typeof(WirePage<WireLogEntry>))]
[JsonSerializable(typeof(WirePage<WireAddon>))]
[JsonSerializable(typeof(WirePage<WireAddonInstallation>))]
[JsonSerializable(typeof(WirePage<WireAddonUpgradePolicy>))]
[JsonSerializable(typeof(WireAddonUpgradePolicy))]
[JsonSerializable(typeof(WireNewAddonUpgradePolicy))]
[JsonSerializable(typeof(WireIdRef))]
[JsonSerializable(typeof(WireCluster))]
[JsonSerializable(typeof(WireUpgradePolicy))]
[JsonSerializable(typeof(WireUpgradePolicyState))]
[JsonSerializable(typeof(WireGateAgreement))]
[JsonSerializable(typeof(WireLabel))]
[JsonSerializable(typeof(WireLogEntry))]
[JsonSerializable(typeof(WireError))]
[JsonSerializable(typeof(WireTokenResponse))]
[JsonSerializable(typeof(WireNewUpgradePolicy))]
[JsonSerializable(typeof(WireChannelPatch))]
[JsonSerializable(typeof(WireNewGateAgreement))]
[JsonSerializable(typeof(WireNewLabel))]
[JsonSerializable(typeof(WireNewLogEntry))]
internal sealed partial class OcmJsonContext : JsonSerializerContext;
