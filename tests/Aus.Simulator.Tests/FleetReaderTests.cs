namespace Aus.Simulator.Tests;

public sealed class FleetReaderTests
{
    [Fact]
    public async Task UnknownKey_NamesFileLineAndKey()
    {
        var e = await Should.ThrowAsync<SimulatorConfigurationException>(() => SimHarness.StartAsync("organizations:\n- orgId: o\n  clusters:\n  - {name: a, chanel: x}\n"));

        // The message states the rule where it is broken: which keys a cluster entry may have.
        e.Message.ShouldStartWith("(fleet):4:15: error: unknown key 'chanel'; the keys allowed here are name, id, externalId, ");
        e.Message.ShouldContain(", channel, version, ");
        e.Message.ShouldEndWith(" (keys are camelCase)");
    }

    [Fact]
    public async Task BadValues_AreAllReportedWithTheirPath()
    {
        const string fleet = """
            organizations:
            - orgId: o
              clusters:
              - {name: a, channel: stable-4.16, version: banana}
              - {name: b, version: 4.16.1}
              - {name: c, channel: stable-4.16, version: 4.16.1, upgradePolicies: [{version: 4.16.2, state: running}]}
            """;

        var e = await Should.ThrowAsync<SimulatorConfigurationException>(() => SimHarness.StartAsync(fleet));

        e.Message.Split(Environment.NewLine).ShouldBe(
        [
            "(fleet): error: organizations[0].clusters[0].version: 'banana' is not a version (expected e.g. 4.16.2)",
            "(fleet): error: organizations[0].clusters[1].channel: is required (e.g. stable-4.16)",
            "(fleet): error: organizations[0].clusters[2].upgradePolicies[0].state: 'running' is not a policy state (allowed: pending, scheduled, started, delayed, failed, cancelled, completed)",
        ]);
    }

    [Fact]
    public async Task SameClusterName_InTwoOrganizations_WithTheirOwnIds_Loads_AsTheFleetReaderAccepts()
    {
        const string fleet = """
            organizations:
            - orgId: a
              clusters: [{name: c, id: c-a, channel: stable-4.16, version: 4.16.1}]
            - orgId: b
              clusters: [{name: c, id: c-b, channel: stable-4.16, version: 4.16.1}]
            """;

        await using var h = await SimHarness.StartAsync(fleet);

        var (_, body) = await h.GetAsync("/_sim/fleet");
        body!["organizations"]!.AsArray().Select(o => o!["clusters"]![0]!["name"]!.GetValue<string>()).ShouldBe(["c", "c"]);
    }

    [Fact]
    public async Task FleetDump_ShowsCurrentState()
    {
        await using var h = await SimHarness.StartAsync(TestFleets.Mixed);
        await h.CreatePolicyAsync("c1", "4.16.9", 10);

        var (_, body) = await h.GetAsync("/_sim/fleet");

        var cluster = body!["organizations"]![0]!["clusters"]![0]!;
        cluster["name"]!.GetValue<string>().ShouldBe("classic-1");
        cluster["upgradePolicies"]![0]!["state"]!.GetValue<string>().ShouldBe("scheduled");
    }
}
