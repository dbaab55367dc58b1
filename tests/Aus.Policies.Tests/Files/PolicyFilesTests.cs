using Aus.Policies.Files;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Files;

/// <summary>Reading a file of a --config directory: one parse both tells its kind and reads it.</summary>
public sealed class PolicyFilesTests
{
    private const string Organization = """
        name: org
        orgId: org-1
        upgradePolicyAllowedWorkloads: [wl]
        upgradePolicyClusters:
        - name: c
          upgradePolicy:
            workloads: [wl]
            schedule: 0 * * * *
            conditions:
              soakDays: 0
        """;

    [Fact]
    public void ReadIfOrganization_OrganizationFile_IsTheDocumentTheReaderGives()
    {
        var document = PolicyFiles.ReadIfOrganization(new SourceText("org.yaml", Organization, null)).ShouldNotBeNull();

        var expected = OrganizationReader.Read(Organization, "org.yaml");
        document.Policy.ShouldNotBeNull().OrgId.ShouldBe("org-1");
        document.ClusterNames.ShouldBe(expected.ClusterNames);
        document.Diagnostics.ShouldBe(expected.Diagnostics);
    }

    [Theory]
    [InlineData("organizations: []")]
    [InlineData("versionGates: []")]
    [InlineData("{\"check_in\": \"2026-11-20T10:00:00+00:00\", \"versions\": {}}")]
    public void ReadIfOrganization_FleetSnapshotOrHistory_IsNull(string text)
    {
        PolicyFiles.ReadIfOrganization(new SourceText("other.yaml", text, null)).ShouldBeNull();
    }

    [Fact]
    public void ReadIfOrganization_FileThatDoesNotParse_IsReadAsAnOrganizationWithItsSyntaxError()
    {
        const string broken = "organizations: [\n";

        var document = PolicyFiles.ReadIfOrganization(new SourceText("broken.yaml", broken, null)).ShouldNotBeNull();

        document.Policy.ShouldBeNull();
        document.Diagnostics.ShouldBe(OrganizationReader.Read(broken, "broken.yaml").Diagnostics);
        document.Diagnostics.ShouldNotBeEmpty();
    }

    [Fact]
    public void ReadIfOrganization_InvalidOrganization_ReportsEveryProblemAsTheReaderDoes()
    {
        var text = Organization.Replace("workloads: [wl]\n    schedule", "workloads: [other]\n    schedule", StringComparison.Ordinal)
            .Replace("soakDays: 0", "soakDays: -1", StringComparison.Ordinal);

        var document = PolicyFiles.ReadIfOrganization(new SourceText("org.yaml", text, null)).ShouldNotBeNull();

        document.Diagnostics.Count(d => d.IsError).ShouldBe(2);
        document.Diagnostics.ShouldBe(OrganizationReader.Read(text, "org.yaml").Diagnostics);
    }

    [Fact]
    public void ReadIfOrganization_UnreadableSource_IsTheUnreadableDocument()
    {
        var error = SourceFiles.Decode("bin.yaml", [0x61, 0x00]).Error;

        var document = PolicyFiles.ReadIfOrganization(new SourceText("bin.yaml", null, error)).ShouldNotBeNull();

        document.IsUnreadable.ShouldBeTrue();
        document.Diagnostics.ShouldBe([error!]);
    }
}
