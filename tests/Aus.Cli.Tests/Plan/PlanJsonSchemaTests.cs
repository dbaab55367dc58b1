using Aus.TestKit;
using NJsonSchema;

namespace Aus.Cli.Tests.Plan;

/// <summary>`aus plan --output json` is the machine contract: it must satisfy docs/plan.schema.json.</summary>
public sealed class PlanJsonSchemaTests
{
    [Theory]
    [InlineData("simple")]
    [InlineData("mutex")]
    [InlineData("sectors")]
    public async Task PlanJson_OnExample_MatchesTheSchema(string example)
    {
        List<string> args = ["plan", "--config", RepositoryPaths.Example($"{example}-org.yaml"), "--fleet", RepositoryPaths.Example($"{example}-fleet.yaml"), "--now", "2026-11-23T12:00:00Z", "-o", "json"];
        var (_, stdout, _) = await CliRun.RunAsync([.. args]);
        var schema = await LoadSchemaAsync();

        schema.Validate(stdout).ShouldBeEmpty();
    }

    [Fact]
    public async Task PlanJson_WithAddonActions_MatchesTheSchema()
    {
        var (_, stdout, _) = await CliRun.RunAsync(
            "plan", "--config", RepositoryPaths.Example("sectors-addons-org.yaml"), "--fleet", RepositoryPaths.Example("sectors-addons-fleet.yaml"),
            "--now", "2026-11-23T11:55:00Z", "-o", "json");
        var schema = await LoadSchemaAsync();

        stdout.ShouldContain("\"kind\": \"addon\"");
        schema.Validate(stdout).ShouldBeEmpty();
    }

    [Fact]
    public async Task Schema_AcceptsADeleteOfAnAddonPolicy()
    {
        var schema = await LoadSchemaAsync();
        const string Plan = """
            {"now": "2026-11-23T12:00:00Z", "organizations": [{"orgId": "o", "name": "n", "errors": [], "warnings": [],
             "clusters": [{"name": "c", "addon": "a", "version": "1.2.0", "decision": "skip", "reason": "upgrade-in-progress", "detail": "d"}],
             "actions": [{"action": "delete-upgrade-policy", "cluster": "c", "clusterId": "c", "kind": "addon", "addon": "a", "policyId": "p-1"}]}]}
            """;

        schema.Validate(Plan).ShouldBeEmpty();
    }

    [Fact]
    public async Task Schema_RejectsAPlanThatBreaksTheContract()
    {
        var schema = await LoadSchemaAsync();
        const string Broken = """
            {"now": "2026-11-23 12:00", "organizations": [{"orgId": "o", "name": "n", "errors": [], "warnings": [], "clusters": [],
             "actions": [{"action": "create-upgrade-policy", "cluster": "c", "clusterId": "c", "kind": "node-pool", "version": "4.16.9", "nextRun": "2026-11-23T12:06:00Z"}]}]}
            """;

        schema.Validate(Broken).ShouldNotBeEmpty();
    }

    /// <summary>NJsonSchema resolves draft-07 "definitions" but not 2020-12 "$defs"; the two mean the same here.</summary>
    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "plan.schema.json"));
        return await JsonSchema.FromJsonAsync(text.Replace("$defs", "definitions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanJson_WithValidationErrors_MatchesTheSchemaAndListsEveryCluster()
    {
        var directory = Directory.CreateTempSubdirectory("aus-plan-");
        var org = Path.Combine(directory.FullName, "org.yaml");
        await File.WriteAllTextAsync(org, """
            name: broken
            orgId: org-broken
            upgradePolicyAllowedWorkloads: [a]
            upgradePolicyClusters:
            - name: one
              upgradePolicy: {workloads: [b], schedule: "* * * * *", conditions: {soakDays: 0}}
            - name: two
              upgradePolicy: {workloads: [a], schedule: "* * * * *", conditions: {soakDays: 0}}
            """);
        var fleet = Path.Combine(directory.FullName, "fleet.yaml");
        await File.WriteAllTextAsync(fleet, """
            organizations:
            - orgId: org-broken
              clusters:
              - {name: one, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
              - {name: two, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
            """);

        var (exitCode, stdout, _) = await CliRun.RunAsync("plan", "--config", org, "--fleet", fleet, "--now", "2026-11-23T12:00:00Z", "-o", "json");
        var schema = await LoadSchemaAsync();

        exitCode.ShouldBe(1);
        schema.Validate(stdout).ShouldBeEmpty();
        stdout.ShouldContain("\"reason\": \"invalid-policy\"");
        stdout.ShouldContain("\"actions\": []");
        stdout.ShouldContain("\"cluster\": \"one\"");
        directory.Delete(recursive: true);
    }
}
