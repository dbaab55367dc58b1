using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Domain.Fleet;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Ports;

/// <summary>Reads of several OCM environments become the one fleet read the planner is given.</summary>
public sealed class FleetReadCombineTests
{
    private static FleetRead Read(string orgId, string gateId, string addonVersion, string? failedOrg = null, string? warning = null) =>
        new(new FleetSnapshot([Gate(gateId, "4.17")], [new FleetOrganization(new OrganizationId(orgId), [Cluster($"{orgId}-c1", "4.16.1")])])
        {
            AddonVersions = ImmutableDictionary<string, string>.Empty.Add("addon-x", addonVersion),
        })
        {
            Failures = failedOrg is null ? ImmutableDictionary<OrganizationId, string>.Empty : ImmutableDictionary<OrganizationId, string>.Empty.Add(new OrganizationId(failedOrg), "503"),
            Warnings = warning is null ? [] : [warning],
        };

    [Fact]
    public void EveryOrganizationFailureAndWarning_IsKept_InReadOrder()
    {
        var combined = FleetRead.Combine([Read("org-a", "g1", "1.0.0", failedOrg: "org-x", warning: "first"), Read("org-b", "g2", "1.0.0", failedOrg: "org-y", warning: "second")]);

        combined.Snapshot.Organizations.Select(o => o.OrgId).ShouldBe([new OrganizationId("org-a"), new OrganizationId("org-b")]);
        combined.Failures.Keys.Select(k => k.Value).Order(StringComparer.Ordinal).ShouldBe(["org-x", "org-y"]);
        combined.Warnings.ShouldBe(["first", "second"]);
    }

    [Fact]
    public void AGateOrAnAddonVersionSeveralEnvironmentsShow_IsTakenFromTheFirst()
    {
        var combined = FleetRead.Combine([Read("org-a", "g1", "1.0.0"), Read("org-b", "g1", "2.0.0")]);

        combined.Snapshot.VersionGates.ShouldHaveSingleItem().Id.ShouldBe("g1");
        combined.Snapshot.AddonVersions["addon-x"].ShouldBe("1.0.0");
    }

    [Fact]
    public void NoReads_IsAnEmptyFleet()
    {
        var combined = FleetRead.Combine([]);

        combined.Snapshot.Organizations.ShouldBeEmpty();
        combined.Failures.ShouldBeEmpty();
    }
}
