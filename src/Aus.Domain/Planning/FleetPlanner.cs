using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Policies;
using Aus.Domain.Reporting;
using Aus.Domain.Versions;

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
        var fleet = new Dictionary<OrganizationId, FleetOrganization>();
        foreach (var organization in request.Fleet.Organizations)
        {
            fleet.TryAdd(organization.OrgId, organization);
        }

        var prepared = new PreparedOrganizations(request, fleet);
        var plans = ImmutableArray.CreateBuilder<OrganizationPlan>(request.Organizations.Length);
        var blocked = new BlockedVersionMatches();
        var memo = new PassMemo();
        var prefixed = new PrefixedReporting(request.InheritedReportingNames);
        ClusterExplanation? explanation = null;
        for (var index = 0; index < request.Organizations.Length; index++)
        {
            var organization = prepared[index];
            var (plan, explained) = PlanOrganization(organization, prepared, request, blocked, memo, prefixed);
            prepared.Release(index);
            if (request.IncludeRemainingSoak)
            {
                var policy = organization.Input.Policy;
                plan = plan with { RemainingSoak = ClusterSoakRows.Of(policy, fleet.GetValueOrDefault(policy.OrgId), plan, request.Fleet.AddonVersions, request.Now) };
            }

            plans.Add(plan);
            explanation ??= explained;
        }

        return new FleetPlan(request.Now, plans.MoveToImmutable()) { Explanation = explanation };
    }

    /// <param name="ocmClusters">A table to use for the join, reused from one organization to the next.</param>
    private static PreparedOrganization Prepare(OrganizationInput input, FleetOrganization? fleet, ImmutableDictionary<string, string> addonVersions, DateTimeOffset now, Dictionary<string, OcmCluster> ocmClusters)
    {
        input = MessageClusterIds.Attach(input, fleet);
        if (!input.ValidationErrors.IsEmpty)
        {
            return new PreparedOrganization(input, [], [], input.History) { Addons = new PreparedAddons([], [], input.AddonHistories) };
        }

        ocmClusters.Clear();
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

        return new PreparedOrganization(input, specs, notInOcm, SoakLedger.CheckIn(input.History, specs, now))
        {
            Addons = input.Policy.AddonManagedUpgrades ? PrepareAddons(input, specs, addonVersions, now) : new PreparedAddons([], [], input.AddonHistories),
        };
    }

    /// <summary>
    /// One spec per (cluster, ready add-on), grouped by add-on id in sorted order, and each add-on's
    /// history checked in. A ready add-on the catalog has no latest version of is an error of the organization.
    /// </summary>
    private static PreparedAddons PrepareAddons(OrganizationInput input, List<UpgradeSpec> specs, ImmutableDictionary<string, string> latestVersions, DateTimeOffset now)
    {
        var byAddon = new SortedDictionary<string, List<UpgradeSpec>>(StringComparer.Ordinal);
        var errors = new List<OrganizationMessage>();
        foreach (var spec in specs)
        {
            foreach (var addon in spec.Cluster.Addons)
            {
                if (!addon.IsReady)
                {
                    continue;
                }

                if (!latestVersions.TryGetValue(addon.Id, out var latestText))
                {
                    errors.Add(new(spec.Name, PlanningMessages.AddonLatestMissing(spec.Name, addon.Id)) { ClusterId = spec.ClusterId });
                    continue;
                }

                if (!OpenShiftVersion.TryParse(addon.Version, out var version, out var error)
                    || !OpenShiftVersion.TryParse(latestText, out var latest, out error))
                {
                    errors.Add(new(spec.Name, PlanningMessages.AddonVersionInvalid(spec.Name, addon.Id, error)) { ClusterId = spec.ClusterId });
                    continue;
                }

                if (!byAddon.TryGetValue(addon.Id, out var addonSpecs))
                {
                    addonSpecs = [];
                    byAddon[addon.Id] = addonSpecs;
                }

                addonSpecs.Add(UpgradeSpec.ForAddon(input.Policy, spec.Policy, spec.Cluster, addon.Id, version, latest));
            }
        }

        // Histories of add-ons no longer installed are kept as they are.
        var checkedIn = input.AddonHistories.ToBuilder();
        foreach (var (addonId, addonSpecs) in byAddon)
        {
            checkedIn[addonId] = SoakLedger.CheckIn(input.AddonHistories.GetValueOrDefault(addonId) ?? VersionHistory.Empty, addonSpecs, now);
        }

        return new PreparedAddons([.. byAddon.Select(p => (p.Key, (IReadOnlyList<UpgradeSpec>)p.Value))], [.. errors], checkedIn.ToImmutable());
    }

    private static (OrganizationPlan Plan, ClusterExplanation? Explanation) PlanOrganization(
        PreparedOrganization organization,
        PreparedOrganizations prepared,
        PlanRequest request,
        BlockedVersionMatches blocked,
        PassMemo memo,
        PrefixedReporting prefixed)
    {
        var input = organization.Input;
        var policy = input.Policy;
        if (!input.ValidationErrors.IsEmpty)
        {
            return (InvalidOrganization(input, input.ValidationErrors, history: null), null);
        }

        var sources = new List<InheritedVersionData>();
        var sourceOrganizations = new List<PreparedOrganization>();
        var inheritanceErrors = new List<OrganizationMessage>();
        foreach (var inherited in policy.InheritVersionData)
        {
            if (inherited.OrgId == policy.OrgId)
            {
                // Checked first, as the reference does: counting its own data twice would double every soak day.
                inheritanceErrors.Add(new(null, PlanningMessages.InheritsFromItself(policy.OrgId)));
            }
            else if (!prepared.TryGetByOrgId(inherited.OrgId, out var source))
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
                sourceOrganizations.Add(source);
            }
        }

        if (inheritanceErrors.Count > 0 || !organization.Addons.Errors.IsEmpty)
        {
            // As in the reference, the check-in is kept but the organization takes no action.
            var errors = inheritanceErrors.Concat(organization.Addons.Errors).ToImmutableArray();
            return (InvalidOrganization(input, errors, organization.CheckedIn) with { AddonHistories = organization.Addons.CheckedIn }, null);
        }

        var history = sources.Count == 0 ? organization.CheckedIn : VersionDataInheritance.Aggregate(organization.CheckedIn, sources, prefixed);
        var explainCluster = request.ExplainAddon is null ? request.ExplainCluster : null;
        var pass = new UpgradePass(policy, organization.Specs, request.Fleet.VersionGates, history, request.Now, explainCluster, request.IncludeReport, blocked, input.Controls, memo: memo);
        var result = pass.Run();
        var addons = PlanAddons(organization, sourceOrganizations, request, blocked, memo, prefixed);
        var decisions = result.Decisions.AddRange(organization.NotInOcm.Select(NotInOcm)).AddRange(addons.Decisions);
        var explanation = result.Explanation ?? addons.Explanation;
        if (explanation is null && explainCluster is { } name && organization.NotInOcm.Contains(name))
        {
            explanation = new ClusterExplanation { Decision = decisions.First(d => d.Name == name) };
        }

        var plan = new OrganizationPlan
        {
            OrgId = policy.OrgId,
            Name = policy.Name,
            Warnings = input.Warnings.AddRange(result.Warnings).AddRange(addons.Warnings),
            RejectedEdit = input.RejectedEdit,
            Actions = [.. addons.Actions.OfType<DeleteUpgradePolicy>(), .. result.Actions, .. addons.Actions.Where(a => a is not DeleteUpgradePolicy)],
            Clusters = decisions,
            History = organization.CheckedIn,
            AddonHistories = organization.Addons.CheckedIn,
            VersionData = history,
            AddonVersionData = addons.AddonVersionData,
            Report = result.Report,
            AddonReport = addons.AddonReport,
            InheritsFrom = [.. policy.InheritVersionData.Select(i => i.Name ?? i.OrgId.Value)],
        };
        return (plan, explanation);
    }

    /// <summary>
    /// One pass per add-on id, in sorted order, each with only that add-on's specs: its own locks,
    /// its own version data (inherited from the same add-on's data of the source organizations).
    /// </summary>
    private static UpgradePass.PassResult PlanAddons(
        PreparedOrganization organization,
        List<PreparedOrganization> sources,
        PlanRequest request,
        BlockedVersionMatches blocked,
        PassMemo memo,
        PrefixedReporting prefixed)
    {
        var decisions = ImmutableArray.CreateBuilder<ClusterDecision>();
        var actions = ImmutableArray.CreateBuilder<PlannedAction>();
        var warnings = ImmutableArray.CreateBuilder<OrganizationMessage>();
        var report = ImmutableArray.CreateBuilder<AddonReportRow>();
        var versionData = ImmutableDictionary.CreateBuilder<string, VersionHistory>(StringComparer.Ordinal);
        ClusterExplanation? explanation = null;
        var policy = organization.Input.Policy;
        foreach (var (addonId, specs) in organization.Addons.Specs)
        {
            var own = organization.Addons.CheckedIn[addonId];
            var inherited = sources
                .Where(s => s.Addons.CheckedIn.ContainsKey(addonId))
                .Select(s => new InheritedVersionData(s.Input.Policy.Environment, s.Input.Policy.OrgId, s.Addons.CheckedIn[addonId]))
                .ToList();
            var history = inherited.Count == 0 ? own : VersionDataInheritance.Aggregate(own, inherited, prefixed);
            versionData[addonId] = history;
            var explainCluster = request.ExplainAddon == addonId ? request.ExplainCluster : null;
            var pass = new UpgradePass(policy, specs, [], history, request.Now, explainCluster, request.IncludeReport, blocked, organization.Input.Controls, addonId, memo);
            var result = pass.Run();
            explanation ??= result.Explanation;
            report.AddRange(result.AddonReport);
            decisions.AddRange(result.Decisions);
            actions.AddRange(result.Actions);
            warnings.AddRange(result.Warnings);
        }

        return new UpgradePass.PassResult(decisions.ToImmutable(), actions.ToImmutable(), warnings.ToImmutable(), explanation) { AddonReport = report.ToImmutable(), AddonVersionData = versionData.ToImmutable() };
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
            RejectedEdit = input.RejectedEdit,
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

    /// <summary>
    /// The organizations of the request, each prepared (its clusters matched with OCM's, its soak
    /// checked in) when first needed: for its own pass, or before it as the source of another's
    /// inherited data. Its specs are let go after its own pass, so that they die young instead of
    /// being carried, and copied by the collector, through the whole plan.
    /// </summary>
    private sealed class PreparedOrganizations
    {
        private readonly PlanRequest _request;
        private readonly Dictionary<OrganizationId, FleetOrganization> _fleet;
        private readonly PreparedOrganization?[] _prepared;
        private readonly Dictionary<OrganizationId, int> _firstByOrgId = new();
        private readonly Dictionary<string, OcmCluster> _ocmClusters = new(StringComparer.Ordinal);

        public PreparedOrganizations(PlanRequest request, Dictionary<OrganizationId, FleetOrganization> fleet)
        {
            _request = request;
            _fleet = fleet;
            _prepared = new PreparedOrganization?[request.Organizations.Length];
            for (var index = 0; index < request.Organizations.Length; index++)
            {
                // Another organization inherits from the first of an id, should the id repeat.
                _firstByOrgId.TryAdd(request.Organizations[index].Policy.OrgId, index);
            }
        }

        public PreparedOrganization this[int index] => _prepared[index] ??= Prepare(
            _request.Organizations[index],
            _fleet.GetValueOrDefault(_request.Organizations[index].Policy.OrgId),
            _request.Fleet.AddonVersions,
            _request.Now,
            _ocmClusters);

        public bool TryGetByOrgId(OrganizationId orgId, [NotNullWhen(true)] out PreparedOrganization? organization)
        {
            organization = _firstByOrgId.TryGetValue(orgId, out var index) ? this[index] : null;
            return organization is not null;
        }

        /// <summary>Keeps what other organizations may still inherit (the checked-in histories), and drops the specs.</summary>
        public void Release(int index)
        {
            if (_prepared[index] is { } prepared)
            {
                _prepared[index] = prepared with { Specs = [], Addons = prepared.Addons with { Specs = [] } };
            }
        }
    }

    private sealed record PreparedOrganization(OrganizationInput Input, IReadOnlyList<UpgradeSpec> Specs, IReadOnlyList<string> NotInOcm, VersionHistory CheckedIn)
    {
        public required PreparedAddons Addons { get; init; }
    }

    /// <summary>The add-on specs by add-on id (sorted), the errors found building them, and the add-on histories after check-in.</summary>
    private sealed record PreparedAddons(
        ImmutableArray<(string AddonId, IReadOnlyList<UpgradeSpec> Specs)> Specs,
        ImmutableArray<OrganizationMessage> Errors,
        ImmutableDictionary<string, VersionHistory> CheckedIn);
}
