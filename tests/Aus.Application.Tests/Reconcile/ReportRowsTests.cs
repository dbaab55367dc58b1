using Aus.Application.Reconcile;
using Aus.Application.Tests.Fakes;

namespace Aus.Application.Tests.Reconcile;

/// <summary>The report rows (the dashboard's soak progress) come with the plans when the pass is asked for them, and only then.</summary>
public sealed class ReportRowsTests
{
    [Fact]
    public async Task WithIncludeReport_ThePlanCarriesARowPerClusterInOcm()
    {
        var world = new PassWorld().Org("org-a");

        var report = await world.RunAsync(new ReconcileSettings { IncludeReport = true });

        var plan = report.Organizations.Single().Plan!;
        plan.Report.Select(r => r.Cluster).ShouldBe(plan.Clusters.Select(c => c.Name));
        plan.Report.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ByDefault_ThePlanCarriesNoRows()
    {
        var world = new PassWorld().Org("org-a");

        var report = await world.RunAsync(new ReconcileSettings());

        report.Organizations.Single().Plan!.Report.ShouldBeEmpty();
    }

    [Fact]
    public async Task WithIncludeRemainingSoak_ThePlanCarriesTheSoakRowOfEachClusterInOcm()
    {
        var world = new PassWorld().Org("org-a");

        var report = await world.RunAsync(new ReconcileSettings { IncludeRemainingSoak = true });

        var row = report.Organizations.Single().Plan!.RemainingSoak.ShouldHaveSingleItem();
        row.Cluster.Name.ShouldBe("org-a-c1");
        row.Remaining.Select(r => r.Version).ShouldBe(["4.16.2"]);
    }

    [Fact]
    public async Task ByDefault_ThePlanCarriesNoSoakRows()
    {
        var world = new PassWorld().Org("org-a");

        var report = await world.RunAsync(new ReconcileSettings());

        report.Organizations.Single().Plan!.RemainingSoak.ShouldBeEmpty();
    }
}
