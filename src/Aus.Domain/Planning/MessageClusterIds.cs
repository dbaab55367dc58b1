using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Domain.Planning;

/// <summary>
/// Gives the messages an organization came with (validation errors, warnings, a rejected edit)
/// the OCM id of the cluster they name, once, where the planner meets the fleet.
/// </summary>
internal static class MessageClusterIds
{
    public static OrganizationInput Attach(OrganizationInput input, FleetOrganization? fleet)
    {
        if (fleet is null || fleet.Clusters.IsEmpty
            || !(Names(input.ValidationErrors) || Names(input.Warnings) || Names(input.RejectedEdit)))
        {
            return input;
        }

        // The first cluster of a name wins, as everywhere the planner joins the policy to the fleet.
        var ids = new Dictionary<string, ClusterId>(fleet.Clusters.Length, StringComparer.Ordinal);
        foreach (var cluster in fleet.Clusters)
        {
            ids.TryAdd(cluster.Name, cluster.Id);
        }

        return input with
        {
            ValidationErrors = Attach(input.ValidationErrors, ids),
            Warnings = Attach(input.Warnings, ids),
            RejectedEdit = Attach(input.RejectedEdit, ids),
        };
    }

    private static bool Names(ImmutableArray<OrganizationMessage> messages) => messages.Any(m => m.Cluster is not null && m.ClusterId is null);

    private static ImmutableArray<OrganizationMessage> Attach(ImmutableArray<OrganizationMessage> messages, Dictionary<string, ClusterId> ids) =>
        !Names(messages)
            ? messages
            : [.. messages.Select(m => m.Cluster is { } name && m.ClusterId is null && ids.TryGetValue(name, out var id) ? m with { ClusterId = id } : m)];
}
