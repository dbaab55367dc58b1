using Aus.Storage;

namespace Aus.Cli.Tests.Service;

/// <summary>
/// `aus serve` reads the policies again before every pass: an edit takes effect at the next pass; an
/// edit that no longer validates keeps the organization's last valid policy and reports the errors,
/// and no other organization notices.
/// </summary>
public sealed class PolicyReloadTests
{
    [Fact]
    public async Task AValidEdit_TakesEffectAtTheNextPass()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgC);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);
        (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single().Results.ShouldBeEmpty("4.16.9 is blocked");

        await File.WriteAllTextAsync(bed.OrganizationFile(0), ServiceTestBed.OrgC.Replace("blockedVersions: ['^4\\.16\\.9$']\n", string.Empty, StringComparison.Ordinal));
        var second = await service.RunPassAsync(null, CancellationToken.None);

        second.Organizations.Single().Results.ShouldHaveSingleItem().Action.Cluster.ShouldBe("c-1");
    }

    [Fact]
    public async Task AnEditThatDoesNotValidate_KeepsTheLastValidPolicy_ReportsItsErrors_AndLeavesOthersAlone()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgC, ServiceTestBed.OrgA);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);
        await service.RunPassAsync(null, CancellationToken.None);

        // c-1 now names a workload org-c does not allow: a validation error.
        await File.WriteAllTextAsync(bed.OrganizationFile(0), ServiceTestBed.OrgC.Replace("workloads: [wl]", "workloads: [other]", StringComparison.Ordinal));
        var pass = await service.RunPassAsync(null, CancellationToken.None);

        var orgC = pass.Organizations.Single(o => o.OrgId.Value == "org-c");
        orgC.RejectedEdit.ShouldNotBeEmpty();
        orgC.RejectedEdit[0].Cluster.ShouldBe("c-1");
        orgC.Plan.ShouldNotBeNull().Errors.ShouldBeEmpty("planned with the last valid policy, which has no errors");
        orgC.Failed.ShouldBeTrue("the pass reports the rejected edit");
        orgC.ServiceLogsSent.ShouldBe(1, "the owners of c-1 hear about it as for any validation error");
        var orgA = pass.Organizations.Single(o => o.OrgId.Value == "org-a");
        orgA.Failed.ShouldBeFalse();
        orgA.RejectedEdit.ShouldBeEmpty();
        var metrics = await ServiceEndpointTests.ScrapeAsync(service);
        metrics.Single("aus_organization_validation_errors", ("org_id", "org-c")).Value.ShouldBe(1);
        metrics.Single("aus_organization_validation_errors", ("org_id", "org-a")).Value.ShouldBe(0);
    }

    [Fact]
    public async Task AnOrganizationThatNeverValidated_IsPlannedWithItsErrors()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgB);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);

        var outcome = (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single();

        outcome.Plan.ShouldNotBeNull().Errors.ShouldNotBeEmpty();
        outcome.Results.ShouldBeEmpty("any error stops the organization");
    }
}
