using System.Collections.Immutable;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Policies;

namespace Aus.Domain.Planning;

/// <summary>
/// Plans one pass over several organizations: checks every organization's soak data in, lets
/// organizations inherit each other's data, then decides each organization's upgrades.
/// </summary>
public static class FleetPlanner
{
    public static FleetPlan Plan(PlanRequest request)
    {
        // Looked up by id once rather than scanned for every organization, which grows with the square of the fleet.
        var fleet = new Dictionary<string, FleetOrganization>(StringComparer.Ordinal);
        foreach (var organization in request.Fleet.Organizations)
        {
            fleet.TryAdd(organization.OrgId, organization);
        }

        var prepared = request.Organizations.Select(o => Prepare(o, fleet.GetValueOrDefault(o.Policy.OrgId), request.Now)).ToList();
        var byOrgId = prepared
            .GroupBy(p => p.Input.Policy.OrgId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var plans = ImmutableArray.CreateBuilder<OrganizationPlan>(prepared.Count);
        var blocked = new BlockedVersionMatches();
        ClusterExplanation? explanation = null;
        foreach (var organization in prepared)
        {
            var (plan, explained) = PlanOrganization(organization, byOrgId, request, blocked);
            plans.Add(plan);
            explanation ??= explained;
        }

        return new FleetPlan(request.Now, plans.MoveToImmutable()) { Explanation = explanation };
    }

    private static PreparedOrganization Prepare(OrganizationInput input, FleetOrganization? fleet, DateTimeOffset now)
    {
        if (!input.ValidationErrors.IsEmpty)
        {
            return new PreparedOrganization(input, [], [], input.History);
        }

        var ocmClusters = new Dictionary<string, OcmCluster>(fleet?.Clusters.Length ?? 0, StringComparer.Ordinal);
        foreach (var cluster in fleet?.Clusters ?? [])
        {
            ocmClusters.TryAdd(cluster.Name, cluster);
        }

        var specs = new List<UpgradeSpec>(input.Policy.Clusters.Length);
        var notInOcm = new List<string>();
        foreach (var policy in input.Policy.Clusters)
        {
            if (ocmClusters.TryGetValue(policy.Name, out var cluster))
            {
                specs.Add(new UpgradeSpec(input.Policy, policy, cluster));
            }
            else
            {
                notInOcm.Add(policy.Name);
            }
        }

        return new PreparedOrganization(input, specs, notInOcm, SoakLedger.CheckIn(input.History, specs, now));
    }

    private static (OrganizationPlan Plan, ClusterExplanation? Explanation) PlanOrganization(
        PreparedOrganization organization,
        Dictionary<string, PreparedOrganization> byOrgId,
        PlanRequest request,
        BlockedVersionMatches blocked)
    {
        var input = organization.Input;
        var policy = input.Policy;
        if (!input.ValidationErrors.IsEmpty)
        {
            return (InvalidOrganization(input, input.ValidationErrors, history: null), null);
        }

        var sources = new List<InheritedVersionData>();
        var inheritanceErrors = new List<OrganizationMessage>();
        foreach (var inherited in policy.InheritVersionData)
        {
            if (string.Equals(inherited.OrgId, policy.OrgId, StringComparison.Ordinal))
            {
                // Checked first, as the reference does: counting its own data twice would double every soak day.
                inheritanceErrors.Add(new(null, PlanningMessages.InheritsFromItself(policy.OrgId)));
            }
            else if (!byOrgId.TryGetValue(inherited.OrgId, out var source))
            {
                inheritanceErrors.Add(new(null, PlanningMessages.InheritedOrganizationMissing(policy.OrgId, inherited.OrgId)));
            }
            else if (!source.Input.Policy.PublishVersionData.Contains(policy.OrgId))
            {
                inheritanceErrors.Add(new(null, PlanningMessages.InheritanceNotPublished(policy.OrgId, inherited.OrgId)));
            }
            else
            {
                sources.Add(new InheritedVersionData(source.Input.Policy.Environment, inherited.OrgId, source.CheckedIn));
            }
        }

        if (inheritanceErrors.Count > 0)
        {
            // As in the reference, the check-in is kept but the organization takes no action.
            return (InvalidOrganization(input, [.. inheritanceErrors], organization.CheckedIn), null);
        }

        var history = sources.Count == 0 ? organization.CheckedIn : VersionDataInheritance.Aggregate(organization.CheckedIn, sources);
        var pass = new UpgradePass(policy, organization.Specs, request.Fleet.VersionGates, history, request.Now, request.ExplainCluster, request.IncludeReport, blocked, input.Controls);
        var result = pass.Run();
        var decisions = result.Decisions.AddRange(organization.NotInOcm.Select(NotInOcm));
        var explanation = result.Explanation;
        if (explanation is null && request.ExplainCluster is { } name && organization.NotInOcm.Contains(name))
        {
            explanation = new ClusterExplanation { Decision = decisions.First(d => d.Name == name) };
        }

        var plan = new OrganizationPlan
        {
            OrgId = policy.OrgId,
            Name = policy.Name,
            Warnings = input.Warnings.AddRange(result.Warnings),
            Actions = result.Actions,
            Clusters = decisions,
            History = organization.CheckedIn,
            VersionData = history,
            Report = result.Report,
            InheritsFrom = [.. policy.InheritVersionData.Select(i => i.Name ?? i.OrgId)],
        };
        return (plan, explanation);
    }

    private static OrganizationPlan InvalidOrganization(OrganizationInput input, ImmutableArray<OrganizationMessage> errors, VersionHistory? history)
    {
        // Grouped once: a file with an error on each of thousands of clusters must not be scanned per cluster.
        var byCluster = errors.Where(e => e.Cluster is not null).ToLookup(e => e.Cluster!, e => e.Message, StringComparer.Ordinal);
        var decisions = input.AllClusterNames.Select(name =>
        {
            var own = byCluster[name].ToList();
            var detail = own.Count > 0
                ? PlanningMessages.ClusterPolicyInvalid(own)
                : PlanningMessages.OrganizationInvalid(input.Policy.Name, errors.Length);
            return new ClusterDecision { Name = name, Decision = Decision.Skip, Reason = Reason.InvalidPolicy, Detail = detail };
        });

        return new OrganizationPlan
        {
            OrgId = input.Policy.OrgId,
            Name = input.Policy.Name,
            Errors = errors,
            Warnings = input.Warnings,
            Clusters = [.. decisions],
            History = history,
        };
    }

    private static ClusterDecision NotInOcm(string name) => new()
    {
        Name = name,
        Decision = Decision.Skip,
        Reason = Reason.NotInOcm,
        Detail = PlanningMessages.NotInOcm(name),
    };

    private sealed record PreparedOrganization(OrganizationInput Input, IReadOnlyList<UpgradeSpec> Specs, IReadOnlyList<string> NotInOcm, VersionHistory CheckedIn);
}
