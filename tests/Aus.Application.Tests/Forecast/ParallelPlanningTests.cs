using Aus.Application.Forecast;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using CsCheck;

namespace Aus.Application.Tests.Forecast;

/// <summary>Planning a pass's organizations in two calls by family plans them as one call does (without inherited names, as the forecast plans).</summary>
public sealed class ParallelPlanningTests
{
    [Fact]
    public void Families_planned_apart_get_the_plans_of_one_call() =>
        Gen.Select(ForecastScenario.Gen, ForecastScenario.Gen, Gen.Int[0, 23]).Sample(
            (first, second, hour) =>
            {
                // Two scenarios side by side, the second's organizations renamed: two or more families.
                var now = ForecastScenario.Now.AddHours(hour);
                var inputs = first.Inputs().Select(input => new FamilyInput(input, 0))
                    .Concat(second.Inputs().Select(input => new FamilyInput(Renamed(input), 1)))
                    .ToList();
                var fleet = first.Fleet() with
                {
                    Organizations = [.. first.Fleet().Organizations, .. second.Fleet().Organizations.Select(o => o with { OrgId = Renamed(o.OrgId) })],
                };

                var observed = new System.Collections.Concurrent.ConcurrentDictionary<int, OrganizationPlan>();
                var apart = ParallelPlanning.Plan(inputs, [], fleet, now, (i, plan) => observed.TryAdd(i, plan).ShouldBeTrue());
                var together = FleetPlanner.Plan(new PlanRequest([.. inputs.Select(i => i.Input)], fleet, now) { InheritedReportingNames = false }).Organizations;

                apart.Count.ShouldBe(together.Length);
                observed.Count.ShouldBe(apart.Count);
                observed.All(o => ReferenceEquals(o.Value, apart[o.Key])).ShouldBeTrue();
                for (var i = 0; i < together.Length; i++)
                {
                    apart[i].OrgId.ShouldBe(together[i].OrgId);
                    apart[i].Clusters.ShouldBe(together[i].Clusters);
                    apart[i].Actions.ShouldBe(together[i].Actions);
                    apart[i].Errors.ShouldBe(together[i].Errors);
                    Soak(apart[i]).ShouldBe(Soak(together[i]));
                }
            },
            iter: 40,
            threads: 1);

    private static string Soak(OrganizationPlan plan) => string.Join(
        "; ",
        (plan.VersionData ?? VersionHistory.Empty).Versions.SelectMany(v => v.Value.Select(w => $"{v.Key} {w.Key} {w.Value.SoakDays} {string.Join(",", w.Value.Reporting)}")));

    private static OrganizationInput Renamed(OrganizationInput input) => input with
    {
        Policy = input.Policy with
        {
            OrgId = Renamed(input.Policy.OrgId),
            Name = "x-" + input.Policy.Name,
            PublishVersionData = [.. input.Policy.PublishVersionData.Select(Renamed)],
            InheritVersionData = [.. input.Policy.InheritVersionData.Select(i => i with { OrgId = Renamed(i.OrgId) })],
        },
    };

    private static OrganizationId Renamed(OrganizationId orgId) => new("x-" + orgId.Value);
}
