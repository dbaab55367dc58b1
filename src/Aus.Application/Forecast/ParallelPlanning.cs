using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Forecast;

/// <summary>One organization of a forecast pass, with the family it is planned with.</summary>
/// <param name="Family">Organizations tied by inherited version data share a family: the planner reads a source's data from the same call.</param>
internal readonly record struct FamilyInput(OrganizationInput Input, int Family);

/// <summary>
/// Plans the organizations of one forecast pass in two planner calls on two threads when they fall
/// into more than one family. The planner is pure and plans each organization from its own inputs
/// and its sources', so the plans are exactly those of a single call. What the forecast learns from
/// a plan of its own organization is taken in on the same thread (see <see cref="ForecastRun"/>).
/// </summary>
internal static class ParallelPlanning
{
    // Below this many organizations to plan, a second thread costs more than it saves.
    private const int MinimumToSplit = 4;

    /// <summary>
    /// The plans of <paramref name="planned"/>, in their order; <paramref name="lenders"/> only lend their data.
    /// <paramref name="observe"/> is called with each planned organization's index and plan on the thread
    /// that planned it, the organizations of a family one after the other in their order.
    /// </summary>
    public static IReadOnlyList<OrganizationPlan> Plan(
        IReadOnlyList<FamilyInput> planned, IReadOnlyList<FamilyInput> lenders, FleetSnapshot fleet, DateTimeOffset now, Action<int, OrganizationPlan> observe)
    {
        var all = Enumerable.Range(0, planned.Count).ToList();
        if (planned.Count < MinimumToSplit || Halves(planned) is not { } second)
        {
            return PlanOne(all, planned, lenders, fleet, now, observe);
        }

        var firstIndices = all.Where(i => !second.Contains(planned[i].Family)).ToList();
        var secondIndices = all.Where(i => second.Contains(planned[i].Family)).ToList();
        var firstLenders = lenders.Where(l => !second.Contains(l.Family)).ToList();
        var secondLenders = lenders.Where(l => second.Contains(l.Family)).ToList();
        var other = Task.Run(() => PlanOne(secondIndices, planned, secondLenders, fleet, now, observe));
        var firstPlans = PlanOne(firstIndices, planned, firstLenders, fleet, now, observe);
        var secondPlans = other.GetAwaiter().GetResult();

        var plans = new OrganizationPlan[planned.Count];
        for (var i = 0; i < firstIndices.Count; i++)
        {
            plans[firstIndices[i]] = firstPlans[i];
        }

        for (var i = 0; i < secondIndices.Count; i++)
        {
            plans[secondIndices[i]] = secondPlans[i];
        }

        return plans;
    }

    /// <summary>One planner call for the organizations at <paramref name="indices"/> of <paramref name="planned"/>, each observed once planned.</summary>
    private static IReadOnlyList<OrganizationPlan> PlanOne(
        List<int> indices, IReadOnlyList<FamilyInput> planned, IReadOnlyList<FamilyInput> lenders, FleetSnapshot fleet, DateTimeOffset now, Action<int, OrganizationPlan> observe)
    {
        var request = new PlanRequest([.. indices.Select(i => planned[i].Input), .. lenders.Select(l => l.Input)], fleet, now) { InheritedReportingNames = false };
        var plans = FleetPlanner.Plan(request).Organizations;
        for (var i = 0; i < indices.Count; i++)
        {
            observe(indices[i], plans[i]);
        }

        return plans;
    }

    /// <summary>
    /// The families of the second call: the families, largest first (by clusters to plan), each go
    /// to the call with fewer clusters so far. Null when they all land in one.
    /// </summary>
    private static HashSet<int>? Halves(IReadOnlyList<FamilyInput> planned)
    {
        var families = planned
            .GroupBy(p => p.Family)
            .Select(g => (Family: g.Key, Clusters: g.Sum(p => p.Input.Policy.Clusters.Length + 1)))
            .OrderByDescending(f => f.Clusters)
            .ThenBy(f => f.Family);
        var second = new HashSet<int>();
        var (firstLoad, secondLoad) = (0, 0);
        foreach (var (family, clusters) in families)
        {
            if (secondLoad < firstLoad)
            {
                second.Add(family);
                secondLoad += clusters;
            }
            else
            {
                firstLoad += clusters;
            }
        }

        return second.Count > 0 ? second : null;
    }
}
