using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Application.Forecast;

/// <summary>One organization of a forecast pass, with the family it is planned with.</summary>
/// <param name="Family">Organizations tied by inherited version data share a family: the planner reads a source's data from the same call.</param>
internal readonly record struct FamilyInput(OrganizationInput Input, int Family);

/// <summary>
/// Plans the organizations of one forecast pass in two planner calls on two threads when they fall
/// into more than one family. The planner is pure and plans each organization from its own inputs
/// and its sources', so the plans are exactly those of a single call.
/// </summary>
internal static class ParallelPlanning
{
    // Below this many organizations to plan, a second thread costs more than it saves.
    private const int MinimumToSplit = 4;

    /// <summary>The plans of <paramref name="planned"/>, in their order; <paramref name="lenders"/> only lend their data.</summary>
    public static IReadOnlyList<OrganizationPlan> Plan(IReadOnlyList<FamilyInput> planned, IReadOnlyList<FamilyInput> lenders, FleetSnapshot fleet, DateTimeOffset now)
    {
        if (planned.Count < MinimumToSplit || Halves(planned) is not { } second)
        {
            return PlanOne(planned, lenders, fleet, now);
        }

        var firstPlanned = planned.Where(p => !second.Contains(p.Family)).ToList();
        var secondPlanned = planned.Where(p => second.Contains(p.Family)).ToList();
        var firstLenders = lenders.Where(l => !second.Contains(l.Family)).ToList();
        var secondLenders = lenders.Where(l => second.Contains(l.Family)).ToList();
        var other = Task.Run(() => PlanOne(secondPlanned, secondLenders, fleet, now));
        var firstPlans = PlanOne(firstPlanned, firstLenders, fleet, now);
        var secondPlans = other.GetAwaiter().GetResult();

        var plans = new List<OrganizationPlan>(planned.Count);
        var (i, j) = (0, 0);
        foreach (var organization in planned)
        {
            plans.Add(second.Contains(organization.Family) ? secondPlans[j++] : firstPlans[i++]);
        }

        return plans;
    }

    private static IReadOnlyList<OrganizationPlan> PlanOne(IReadOnlyList<FamilyInput> planned, IReadOnlyList<FamilyInput> lenders, FleetSnapshot fleet, DateTimeOffset now) =>
        FleetPlanner.Plan(new PlanRequest([.. planned.Select(p => p.Input), .. lenders.Select(l => l.Input)], fleet, now) { InheritedReportingNames = false }).Organizations;

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
