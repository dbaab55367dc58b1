using Aus.Application.Health;
using Aus.Application.Ports;
using Aus.Application.Reconcile;
using Aus.Application.Tests.Fakes;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Application.Tests.Reconcile;

/// <summary>Before planning, an organization with health checks asks its environment's providers; enforced errors stop its soak accrual.</summary>
public sealed class HealthStepTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task AnEnforcedAlert_StopsTheClusterCountingSoakDays_AReportedOneDoesNot(bool enforced, bool accrues)
    {
        var world = HealthyWorld(enforced);
        var provider = new Provider { Answer = new Dictionary<string, IReadOnlyList<string>> { ["uuid-org-a-c1"] = ["EtcdDown"] } };

        var report = await RunAsync(world, provider);

        var organization = report.Organizations.Single();
        organization.Fleet!.Clusters.Single().HealthErrors.ShouldHaveSingleItem().ShouldBe(new HealthError("telemeter", "EtcdDown", enforced));
        (SoakDays(organization) > 3).ShouldBe(accrues, accrues ? "a check that is not enforced only reports" : "an enforced error keeps the cluster from checking in");
        provider.Asked.ShouldBe(["org-a"]);
    }

    [Fact]
    public async Task AFailingProvider_IsAWarningOfTheOrganization_AndNoClusterAccrues()
    {
        var world = HealthyWorld(enforced: true);

        var report = await RunAsync(world, new Provider { Fails = true });

        var organization = report.Organizations.Single();
        organization.Failure.ShouldBeNull("the pass goes on");
        organization.Warnings.ShouldHaveSingleItem().ShouldContain("HTTP 503");
        SoakDays(organization).ShouldBe(3);
        organization.Results.ShouldHaveSingleItem().Succeeded.ShouldBeTrue("health never blocks the cluster's own upgrade");
    }

    [Fact]
    public async Task AnOrganizationWithoutHealthChecks_IsNotAsked()
    {
        var world = new PassWorld().Org("org-a");
        var provider = new Provider();

        var report = await RunAsync(world, provider);

        provider.Asked.ShouldBeEmpty();
        report.Organizations.Single().Health.ShouldBeNull();
    }

    [Fact]
    public async Task AProviderThatThrowsSomethingElse_FailsItsOrganizationOnly()
    {
        var world = HealthyWorld(enforced: true).Org("org-b");

        var report = await RunAsync(world, new Provider { Throws = new InvalidOperationException("boom") });

        report.Organizations.Single(o => o.OrgId.Value == "org-a").Failure.ShouldBe("checking cluster health failed: boom");
        report.Organizations.Single(o => o.OrgId.Value == "org-b").Failure.ShouldBeNull();
    }

    private static PassWorld HealthyWorld(bool enforced)
    {
        var world = new PassWorld().Org("org-a", c => c with { Policy = c.Policy with { HealthChecks = [new HealthCheck("telemeter", enforced)] } });
        world.Store.Histories[PassWorld.Key("org-a")] = Aus.TestKit.Build.History(PassWorld.Now.AddDays(-1), ("4.16.1", "wl", 3, ["org-a-c1"]));
        return world;
    }

    private static double SoakDays(OrganizationOutcome organization) =>
        organization.Plan!.History!.Versions["4.16.1"].Values.Single().SoakDays;

    private static Task<PassReport> RunAsync(PassWorld world, Provider provider) =>
        new ReconcilePass(new ReconcilePorts(world.Fleet, world.Actions, world.Store) { Health = new Source(provider) }, new ReconcileSettings(), NullLogger.Instance)
            .RunAsync(world.Organizations, PassWorld.Now, CancellationToken.None);

    private sealed class Source(IClusterHealthProvider provider) : IHealthProviderSource
    {
        public IReadOnlyList<IClusterHealthProvider> For(EnvironmentName environment) => [provider];
    }

    private sealed class Provider : IClusterHealthProvider
    {
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Answer { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

        public bool Fails { get; init; }

        public Exception? Throws { get; init; }

        public List<string> Asked { get; } = [];

        public string Name => "telemeter";

        public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> QueryAsync(OrganizationId organizationId, CancellationToken cancellationToken)
        {
            Asked.Add(organizationId.Value);
            return Throws is not null ? throw Throws
                : Fails ? throw new HealthProviderException("HTTP 503")
                : Task.FromResult(Answer);
        }
    }
}
