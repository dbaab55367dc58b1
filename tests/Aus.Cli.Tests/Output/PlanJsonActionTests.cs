using System.Text.Json;
using Aus.Cli.Output;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;

namespace Aus.Cli.Tests.Output;

/// <summary>Plan JSON writes typed action values as the plain text the plan schema names.</summary>
public sealed class PlanJsonActionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASwitchChannelAction_WritesItsChannelsAsText()
    {
        var action = new SwitchChannel("prod-1", new ClusterId("c-1"), new ChannelName("stable-4.16"), new ChannelName("stable-4.17"));
        var plan = new FleetPlan(Now, [new OrganizationPlan { OrgId = new OrganizationId("o"), Name = "org", Actions = [action] }]);

        using var json = JsonDocument.Parse(PlanJsonWriter.Write(plan));

        var written = json.RootElement.GetProperty("organizations")[0].GetProperty("actions")[0];
        written.GetProperty("action").GetString().ShouldBe("switch-channel");
        written.GetProperty("cluster").GetString().ShouldBe("prod-1");
        written.GetProperty("clusterId").GetString().ShouldBe("c-1");
        written.GetProperty("from").GetString().ShouldBe("stable-4.16");
        written.GetProperty("to").GetString().ShouldBe("stable-4.17");
    }
}
