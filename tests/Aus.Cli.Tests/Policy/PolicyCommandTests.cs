using System.Text.Json.Nodes;
using Aus.Policies.Organizations;
using Aus.Simulator;
using Aus.TestKit;

namespace Aus.Cli.Tests.Policy;

/// <summary>`aus policy labels` and `aus policy from-labels`: from organization files to OCM labels and back.</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-policy-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string LabelledSectorsFleet() =>
        LabelledFleet.Write(RepositoryPaths.Example("sectors-org.yaml"), RepositoryPaths.Example("sectors-fleet.yaml"), Path.Combine(_directory.FullName, "fleet.yaml"));

    [Fact]
    public async Task Labels_PrintsATableOfTheLabelsThatExpressTheFile()
    {
        var run = await CliRun.RunAsync("policy", "labels", RepositoryPaths.Example("sectors-org.yaml"));

        run.ExitCode.ShouldBe(0);
        run.Stderr.ShouldBeEmpty();
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["OWNER", "KEY", "VALUE"]);
        var rows = lines.Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        rows.ShouldContain("organization org-sectors sre-capabilities.aus.sector-deps.stage \"\"");
        lines.ShouldContain(l => l.StartsWith("cluster prod-1", StringComparison.Ordinal) && l.Contains("sre-capabilities.aus.mutexes", StringComparison.Ordinal) && l.EndsWith("blue-mutex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Labels_AsJson_HoldTheOrganizationAndEachCluster()
    {
        var run = await CliRun.RunAsync("policy", "labels", RepositoryPaths.Example("sectors-org.yaml"), "--output", "json");

        run.ExitCode.ShouldBe(0);
        var json = JsonNode.Parse(run.Stdout)!;
        json["orgId"]!.GetValue<string>().ShouldBe("org-sectors");
        json["organization"]!["sre-capabilities.aus.sector-deps.prod-green"]!.GetValue<string>().ShouldBe("prod-blue");
        json["clusters"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["stage-1", "stage-2", "prod-1", "prod-2", "prod-3", "prod-4"]);
        json["clusters"]![2]!["labels"]!["sre-capabilities.aus.soak-days"]!.GetValue<string>().ShouldBe("7");
    }

    [Fact]
    public async Task Labels_OfAnInvalidFile_AreNotPrinted()
    {
        var file = Path.Combine(_directory.FullName, "bad.yaml");
        await File.WriteAllTextAsync(file, "name: b\norgId: o\nsectors: [{name: s, dependencies: [{name: s}]}]\n");

        var run = await CliRun.RunAsync("policy", "labels", file);

        run.ExitCode.ShouldBe(1);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldContain("depends on itself");
    }

    [Fact]
    public async Task FromLabels_GivesBackTheFile_ThatThePolicyLabelsExpress()
    {
        var run = await CliRun.RunAsync("policy", "from-labels", "--org", "org-sectors", "--fleet", LabelledSectorsFleet());

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stderr.ShouldBeEmpty();
        var original = OrganizationReader.Read(await File.ReadAllTextAsync(RepositoryPaths.Example("sectors-org.yaml")), "sectors-org.yaml").Policy!;
        var fromLabels = OrganizationReader.Read(run.Stdout, "from-labels.yaml");
        fromLabels.Diagnostics.ShouldBeEmpty();
        fromLabels.Policy!.OrgId.Value.ShouldBe("org-sectors");
        fromLabels.Policy.Clusters.Select(c => (c.Name, c.SoakDays, c.Sector, c.Schedule.Expression, string.Join(',', c.Mutexes)))
            .ShouldBe(original.Clusters.Select(c => (c.Name, c.SoakDays, c.Sector, c.Schedule.Expression, string.Join(',', c.Mutexes))), ignoreOrder: true);
        fromLabels.Policy.BlockedVersions.ShouldBe(original.BlockedVersions);
    }

    [Fact]
    public async Task FromLabels_NamesTheClusterAndTheLabelOfABadValue()
    {
        var fleet = LabelledSectorsFleet();
        await File.WriteAllTextAsync(fleet, (await File.ReadAllTextAsync(fleet)).Replace("\"7\"", "\"seven\"", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("policy", "from-labels", "--org", "org-sectors", "--fleet", fleet);

        run.ExitCode.ShouldBe(1);
        run.StderrLines.ShouldContain("OCM labels of organization org-sectors, cluster prod-1: error: label sre-capabilities.aus.soak-days: 'seven' is not an integer; expected an integer >= 0 such as \"7\"");
        run.Stdout.ShouldNotContain("prod-1");
        run.Stdout.ShouldContain("stage-1");
    }

    [Fact]
    public async Task FromLabels_OfAnOrganizationWithoutLabels_SaysSo()
    {
        var run = await CliRun.RunAsync("policy", "from-labels", "--org", "org-sectors", "--fleet", RepositoryPaths.Example("sectors-fleet.yaml"));

        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldBe("aus: error: organization org-sectors has no sre-capabilities.aus.* labels, on itself or on its clusters\n");
    }

    [Fact]
    public async Task FromLabels_ReadsTheLabelsFromOcm()
    {
        await using var simulator = await OcmSimulator.StartAsync(
            new SimulatorOptions { FleetPath = LabelledSectorsFleet(), InitialTime = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero) },
            CancellationToken.None);

        var (exitCode, stdout, stderr) = await ChildProcess.RunAusAsync(
            ["policy", "from-labels", "--org", "org-sectors", "--ocm-url", simulator.BaseUrl.ToString()],
            new Dictionary<string, string?>
            {
                ["OCM_TOKEN_URL"] = simulator.TokenUrl.ToString(),
                ["OCM_CLIENT_ID"] = simulator.ClientId,
                ["OCM_CLIENT_SECRET"] = simulator.ClientSecret,
                ["OCM_TOKEN"] = null,
            });

        stderr.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        var policy = OrganizationReader.Read(stdout, "from-ocm.yaml").Policy!;
        policy.Clusters.Select(c => c.Name).ShouldBe(["stage-1", "stage-2", "prod-1", "prod-2", "prod-3", "prod-4"], ignoreOrder: true);
        policy.Sectors.Select(s => s.Name.Value).ShouldBe(["prod-blue", "prod-green", "stage"]);
    }
}
