using Aus.Application.Ports;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.History;

namespace Aus.Application.Inputs;

/// <summary>
/// What the read-only commands (plan, explain, report, forecast) take from a state store, read
/// only: each organization's soak history and its add-ons', where no history file gave one, and
/// every organization's rollout controls. A history file of the organization wins over everything
/// the store holds for it, add-ons included; an add-on's own file wins over the stored add-on
/// history. A stored history without a check-in and without versions counts as none.
/// </summary>
public sealed class StoredPassInputs(IPassStore store, IControlStore controls)
{
    /// <summary>The histories of the files with the stored ones added, and the stored controls, both keyed as <see cref="PassInputs.Build"/> takes them.</summary>
    public async Task<StoredInputs> ReadAsync(
        IReadOnlyList<OrganizationConfig> organizations, IReadOnlyDictionary<string, VersionHistory> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(files);
        var histories = new Dictionary<string, VersionHistory>(files, StringComparer.Ordinal);
        var stored = new Dictionary<OrganizationId, RolloutControls>();
        foreach (var organization in organizations)
        {
            stored[organization.OrgId] = (await controls.GetControlsAsync(organization.Key, cancellationToken)).Controls;
            if (files.ContainsKey(organization.OrgId.Value))
            {
                continue;
            }

            var history = await store.GetHistoryAsync(organization.Key, cancellationToken);
            if (history.CheckIn is not null || history.Versions.Count > 0)
            {
                histories[organization.OrgId.Value] = history;
            }

            if (organization.Policy.AddonManagedUpgrades)
            {
                foreach (var (addonId, addonHistory) in await store.ListAddonHistoriesAsync(organization.Key, cancellationToken))
                {
                    histories.TryAdd(AddonHistoryKey.Of(organization.OrgId, addonId), addonHistory);
                }
            }
        }

        return new StoredInputs(histories, stored);
    }

    /// <summary>
    /// The warnings for organizations planned from an empty history while the fleet is live (read
    /// from OCM): such a plan looks like a real decision and is not one. A fleet snapshot gets none.
    /// </summary>
    public static IEnumerable<string> MissingHistoryWarnings(PassInputs inputs, bool liveFleet)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return liveFleet
            ? inputs.WithoutHistory.Select(orgId => $"organization {orgId}: no soak history found (no --history file, nothing in a store given with --state or AUS_STATE); it is planned as if no version had soaked yet")
            : [];
    }
}

/// <summary>What <see cref="StoredPassInputs"/> read: the histories (files first) and each organization's rollout controls.</summary>
public sealed record StoredInputs(IReadOnlyDictionary<string, VersionHistory> Histories, IReadOnlyDictionary<OrganizationId, RolloutControls> Controls);
