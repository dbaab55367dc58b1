using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Organizations;

public sealed class OrganizationSetTests
{
    private static OrganizationDocument Org(string file, string orgId) =>
        OrganizationReader.Read($"name: n\norgId: {orgId}\nupgradePolicyClusters: []\n", file);

    [Fact]
    public void TwoFilesWithTheSameOrgId_AreAnErrorOfTheSecond_NamingTheFirst()
    {
        var problems = OrganizationSet.CheckUniqueOrgIds([Org("a.yaml", "o1"), Org("b.yaml", "o2"), Org("c.yaml", "o1")]);

        problems.Select(d => d.ToString()).ShouldBe([
            "c.yaml:2:8: error: orgId: organization 'o1' is already given by a.yaml; each organization has one policy file",
        ]);
    }

    [Fact]
    public void DistinctOrgIds_AndFilesWithoutOne_AreFine()
    {
        var unreadable = OrganizationReader.Read("name: n\n", "x.yaml");

        OrganizationSet.CheckUniqueOrgIds([Org("a.yaml", "o1"), unreadable, Org("b.yaml", "o2")]).ShouldBeEmpty();
    }
}
