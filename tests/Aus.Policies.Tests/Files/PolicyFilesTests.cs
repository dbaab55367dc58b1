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
        document.Policy.ShouldNotBeNull().OrgId.Value.ShouldBe("org-1");
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

    [Fact]
    public void Validate_OrganizationFile_GivesTheReadersDiagnosticsAndDocument()
    {
        var text = Organization.Replace("soakDays: 0", "soakDays: -1", StringComparison.Ordinal);

        var (kind, diagnostics, document) = PolicyFiles.Validate(new SourceText("org.yaml", text, null));

        var expected = OrganizationReader.Read(text, "org.yaml");
        kind.ShouldBe(PolicyFileKind.Organization);
        diagnostics.ShouldBe(expected.Diagnostics);
        diagnostics.ShouldNotBeEmpty();
        document.ShouldNotBeNull().Diagnostics.ShouldBe(expected.Diagnostics);
        document.Policy.ShouldNotBeNull().OrgId.Value.ShouldBe("org-1");
    }

    [Theory]
    [InlineData("organizations:\n- orgId: o\n  clusters:\n  - {name: c, channel: 7}\n")]
    [InlineData("versionGates: 3\n")]
    public void Validate_FleetSnapshot_GivesTheFleetReadersDiagnostics_AndNoOrganization(string text)
    {
        var (kind, diagnostics, document) = PolicyFiles.Validate(new SourceText("fleet.yaml", text, null));

        kind.ShouldBe(PolicyFileKind.Fleet);
        diagnostics.ShouldBe(Aus.Policies.Fleet.FleetReader.Read(text, "fleet.yaml").Diagnostics);
        diagnostics.ShouldNotBeEmpty();
        document.ShouldBeNull();
    }

    [Fact]
    public void Validate_History_GivesTheHistoryReadersDiagnostics_AndNoOrganization()
    {
        const string text = "{\"check_in\": \"not a time\", \"versions\": {}}";

        var (kind, diagnostics, document) = PolicyFiles.Validate(new SourceText("h.json", text, null));

        kind.ShouldBe(PolicyFileKind.History);
        diagnostics.ShouldBe(Aus.Policies.History.HistoryReader.Read(text, "h.json").Diagnostics);
        diagnostics.ShouldNotBeEmpty();
        document.ShouldBeNull();
    }
}
