using Aus.Application.Health;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Health;

public sealed class ClusterHealthCheckerTests
{
    private static readonly FleetOrganization Fleet = new(new OrganizationId("org-1"), [Cluster("c1", "4.12.1") with { ExternalId = "uuid-1" }]);

    private static OrganizationPolicy Org(params HealthCheck[] checks) =>
        Organization("org-1", [Policy("c1")]) with { HealthChecks = [.. checks], Environment = new EnvironmentName("production") };

    [Fact]
    public async Task Provider_IsAskedOncePerOrganization_AndItsAnswerLandsOnTheClusters()
    {
        var provider = new AnsweringProvider(new Dictionary<string, IReadOnlyList<string>> { ["uuid-1"] = ["EtcdDown"] });

        var result = await new ClusterHealthChecker([provider]).CheckAsync(Org(new HealthCheck("telemeter", true)), Fleet, CancellationToken.None);

        provider.Asked.ShouldBe(["org-1"]);
        result.Fleet.Clusters[0].HealthErrors.ShouldBe([new HealthError("telemeter", "EtcdDown", true)]);
        result.Warnings.ShouldBeEmpty();
        result.Asked.ShouldBe(["telemeter"]);
        result.Failed.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailingProvider_IsAWarning_AndTheClustersCountAsUnhealthy()
    {
        var result = await new ClusterHealthChecker([new FailingProvider()]).CheckAsync(Org(new HealthCheck("telemeter", true)), Fleet, CancellationToken.None);

        result.Fleet.Clusters[0].HealthErrors.Single().Enforce.ShouldBeTrue();
        result.Asked.ShouldBe(["telemeter"]);
        result.Failed.ShouldBe(["telemeter"]);
        result.Warnings.ShouldBe([
            "ausClusterHealthChecks: the telemeter provider failed (HTTP 503); the organization's 1 cluster counts as unhealthy and accrue no soak days this pass",
        ]);
    }

    [Fact]
    public async Task ProviderMissingFromTheEnvironment_IsAWarning_AndTheCheckIsSkipped()
    {
        var result = await new ClusterHealthChecker([]).CheckAsync(Org(new HealthCheck("telemeter", true)), Fleet, CancellationToken.None);

        result.Fleet.ShouldBe(Fleet);
        result.Asked.ShouldBeEmpty();
        result.Warnings.ShouldBe([
            "ausClusterHealthChecks: the telemeter provider is not configured for environment 'production' (no 'prometheus' in its settings); the check is skipped",
        ]);
    }

    [Fact]
    public async Task OrganizationWithoutChecks_AsksNobody()
    {
        var provider = new AnsweringProvider(new Dictionary<string, IReadOnlyList<string>>());

        var result = await new ClusterHealthChecker([provider]).CheckAsync(Org(), Fleet, CancellationToken.None);

        provider.Asked.ShouldBeEmpty();
        result.Fleet.ShouldBe(Fleet);
    }

    private sealed class AnsweringProvider(IReadOnlyDictionary<string, IReadOnlyList<string>> answer) : IClusterHealthProvider
    {
        public List<string> Asked { get; } = [];

        public string Name => "telemeter";

        public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> QueryAsync(OrganizationId organizationId, CancellationToken cancellationToken)
        {
            Asked.Add(organizationId.Value);
            return Task.FromResult(answer);
        }
    }

    private sealed class FailingProvider : IClusterHealthProvider
    {
        public string Name => "telemeter";

        public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> QueryAsync(OrganizationId organizationId, CancellationToken cancellationToken) =>
            throw new HealthProviderException("HTTP 503");
    }
}
