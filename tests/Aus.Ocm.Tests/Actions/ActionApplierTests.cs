using System.Net;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Ocm.Actions;
using Aus.Ocm.Tests.Support;
using Aus.Domain.Versions;

namespace Aus.Ocm.Tests.Actions;

public sealed class ActionApplierTests
{
    private const string Policies = "/api/clusters_mgmt/v1/clusters/c1/upgrade_policies";
    private static readonly CreateUpgradePolicy Create = new("cluster-1", new ClusterId("c1"), UpgradePolicyKind.Cluster, OpenShiftVersion.Parse("4.16.9"), new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero));
    private static readonly string EmptyPage = """{"kind":"List","page":1,"size":0,"total":0,"items":[]}""";

    [Fact]
    public async Task ARefusalIsReportedWithoutReadingAgain()
    {
        var ocm = new FakeOcmHandler().On("POST", Policies, _ => FakeOcmHandler.Error(HttpStatusCode.BadRequest, "CLUSTERS-MGMT-400", "no", "op-9"));
        using var client = TestClients.Create(ocm);

        var result = (await client.ApplyAsync([Create], dryRun: false, CancellationToken.None)).ShouldHaveSingleItem();

        result.Outcome.ShouldBe(OcmActionOutcome.Refused);
        result.ErrorCode.ShouldBe("CLUSTERS-MGMT-400");
        result.OperationId.ShouldBe("op-9");
        ocm.To("GET", Policies).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownOutcomesAreRetriedOnlyAfterCheckingAndOnlyUpToTheRetryCount()
    {
        var ocm = new FakeOcmHandler()
            .On("POST", Policies, _ => FakeOcmHandler.Error(HttpStatusCode.ServiceUnavailable, "CLUSTERS-MGMT-503", "busy"))
            .On("GET", Policies, _ => FakeOcmHandler.Json(EmptyPage));
        using var client = TestClients.Create(ocm, options: TestClients.Options() with { RetryCount = 2, RetryBaseDelay = TimeSpan.Zero });

        var result = (await client.ApplyAsync([Create], dryRun: false, CancellationToken.None)).ShouldHaveSingleItem();

        result.Outcome.ShouldBe(OcmActionOutcome.Failed);
        result.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ocm.Api.Select(r => r.Method).ShouldBe(["POST", "GET", "POST", "GET", "POST", "GET"]);
    }

    [Fact]
    public async Task WhenTheCheckAfterAnUnknownOutcomeFailsNothingIsSentAgain()
    {
        var ocm = new FakeOcmHandler()
            .On("POST", Policies, _ => throw new HttpRequestException("reset"))
            .On("GET", Policies, _ => FakeOcmHandler.Error(HttpStatusCode.Forbidden, "CLUSTERS-MGMT-403", "denied"));
        using var client = TestClients.Create(ocm);

        var result = (await client.ApplyAsync([Create], dryRun: false, CancellationToken.None)).ShouldHaveSingleItem();

        result.Outcome.ShouldBe(OcmActionOutcome.Failed);
        result.Message!.ShouldContain("reading the cluster again to check also failed");
        ocm.To("POST", Policies).Count().ShouldBe(1);
    }

    [Fact]
    public void NextRunIsWrittenToTheSecondInUtc()
    {
        OcmActionApplierFormat(new DateTimeOffset(2026, 11, 23, 14, 6, 30, 500, TimeSpan.FromHours(1))).ShouldBe("2026-11-23T13:06:30Z");
    }

    private static string OcmActionApplierFormat(DateTimeOffset time) => OcmActionApplier.FormatNextRun(time);
}
