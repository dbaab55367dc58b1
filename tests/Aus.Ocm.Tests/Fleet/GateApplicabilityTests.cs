using Aus.Domain.Fleet;
using Aus.Domain.Versions;
using Aus.Ocm.Fleet;

namespace Aus.Ocm.Tests.Fleet;

public sealed class GateApplicabilityTests
{
    private static OcmCluster Cluster(string version, bool sts = false, params string[] upgrades) => new()
    {
        Name = "c",
        Id = new ClusterId("c"),
        ExternalId = "u",
        Channel = new ChannelName("stable-4.12"),
        Version = OpenShiftVersion.Parse(version),
        AvailableUpgrades = [.. upgrades.Select(OpenShiftVersion.Parse)],
        StsEnabled = sts,
    };

    private static VersionGate Gate(string label, string prefix = "4.13") => new("g", MinorVersion.TryParse(prefix, out var m) ? m.Value : default, label, false);

    [Theory]
    [InlineData(VersionGate.OcpLabel, false, true)]
    [InlineData(VersionGate.IngressLabel, false, true)]
    [InlineData(VersionGate.StsLabel, false, false)]
    [InlineData(VersionGate.StsLabel, true, true)]
    [InlineData("example.com/gate-unknown", true, false)]
    public void AGateForAnOfferedHigherMinorAppliesWhenItsLabelHasAHandler(string label, bool sts, bool applies)
    {
        GateApplicability.Applies(Gate(label), Cluster("4.12.17", sts, "4.12.18", "4.13.1")).ShouldBe(applies);
    }

    [Fact]
    public void ZStreamUpgradesNeverNeedAGate()
    {
        GateApplicability.Applies(Gate(VersionGate.OcpLabel, "4.12"), Cluster("4.12.17", false, "4.12.18")).ShouldBeFalse();
    }

    [Fact]
    public void AGateForAMinorThatIsNotOfferedDoesNotApply()
    {
        GateApplicability.Applies(Gate(VersionGate.OcpLabel), Cluster("4.12.17", false, "4.12.18")).ShouldBeFalse();
    }
}
