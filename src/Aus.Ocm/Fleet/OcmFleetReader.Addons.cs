using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Ocm.Wire;

namespace Aus.Ocm.Fleet;

/// <summary>
/// Add-ons, for the organizations that manage them: the catalog once per read, then per cluster
/// its ready add-ons and, only when it has some, its add-on policies (v1: and each policy's state).
/// </summary>
internal sealed partial class OcmFleetReader
{
    /// <summary>
    /// The catalog when some organization manages add-ons (null otherwise). An environment whose
    /// add-on service is neither v1 nor v2, or whose catalog cannot be read, gives an error instead,
    /// for the organizations that manage add-ons only.
    /// </summary>
    private async Task<AddonCatalog?> ReadCatalogAsync(bool needed, CancellationToken cancellationToken)
    {
        if (!needed)
        {
            return null;
        }

        AddonServiceVersion? service = addonService switch
        {
            "v1" => AddonServiceVersion.V1,
            "v2" => AddonServiceVersion.V2,
            _ => null,
        };
        if (service is not { } known)
        {
            return new AddonCatalog(null, ImmutableDictionary<string, string>.Empty, OcmAddonMessages.UnknownService(addonService));
        }

        try
        {
            var catalog = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var addon in await api.ListAddonsAsync(known, cancellationToken).ConfigureAwait(false))
            {
                if (addon.Id is { } id && addon.Version?.Id is { } version)
                {
                    catalog[id] = version;
                }
            }

            return new AddonCatalog(known, catalog.ToImmutable(), null);
        }
        catch (OcmApiException ex)
        {
            return new AddonCatalog(null, ImmutableDictionary<string, string>.Empty, OcmAddonMessages.CatalogUnreadable(ex.Message));
        }
    }

    private async Task<OcmCluster> ReadAddonsAsync(OcmCluster cluster, AddonServiceVersion service, CancellationToken cancellationToken)
    {
        var id = cluster.Id.Value;
        var installed = new List<InstalledAddon>();
        foreach (var wire in await api.ListReadyAddonsAsync(service, id, cancellationToken).ConfigureAwait(false))
        {
            if ((wire.Addon?.Id ?? wire.Id) is { } addonId && wire.AddonVersion?.Id is { } version)
            {
                installed.Add(new InstalledAddon(addonId, version, wire.State ?? InstalledAddon.ReadyState));
            }
        }

        if (installed.Count == 0)
        {
            return cluster with { Addons = [] };
        }

        var policies = ImmutableArray.CreateBuilder<ExistingUpgradePolicy>();
        foreach (var wire in await api.ListAddonPoliciesAsync(service, id, cancellationToken).ConfigureAwait(false))
        {
            var state = service == AddonServiceVersion.V2 ? wire.StateValue : await ReadAddonStateAsync(id, wire, cancellationToken).ConfigureAwait(false);
            policies.Add(new ExistingUpgradePolicy
            {
                Id = wire.Id ?? string.Empty,
                Version = wire.Version ?? string.Empty,
                Kind = UpgradePolicyKind.Addon,
                AddonId = wire.AddonId,
                ScheduleType = (service == AddonServiceVersion.V2 ? wire.Type : wire.ScheduleType) ?? ExistingUpgradePolicy.ManualSchedule,
                NextRun = WireMapping.ParseTime(wire.NextRun),
                State = WireMapping.ToState(state),
            });
        }

        return cluster with { Addons = [.. installed], AddonUpgradePolicies = policies.ToImmutable() };
    }

    /// <summary>The state of a v1 add-on policy; as for cluster policies, an unreadable state is no reason to fail.</summary>
    private async Task<string?> ReadAddonStateAsync(string clusterId, WireAddonUpgradePolicy policy, CancellationToken cancellationToken)
    {
        if (policy.StateValue is { } inline)
        {
            return inline;
        }

        if (string.IsNullOrEmpty(policy.Id))
        {
            return null;
        }

        try
        {
            return (await api.GetAddonPolicyStateAsync(clusterId, policy.Id, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (OcmApiException ex)
        {
            OcmLog.PolicyStateUnreadable(logger, clusterId, policy.Id, ex.Message);
            return null;
        }
    }

    /// <summary>The add-on service and catalog of the environment, or why they cannot be used.</summary>
    private sealed record AddonCatalog(AddonServiceVersion? Service, ImmutableDictionary<string, string> Catalog, string? Error);
}

/// <summary>The sentences of add-on reading errors.</summary>
internal static class OcmAddonMessages
{
    public static string UnknownService(string value) =>
        $"the add-on service version of this OCM environment is '{value}'; expected v1 (the cluster service) or v2 (the add-ons service)";

    public static string CatalogUnreadable(string error) => $"the add-on catalog could not be read: {error}";
}
