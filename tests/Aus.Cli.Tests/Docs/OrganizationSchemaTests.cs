using Aus.Cli.Tests.Packaging;
using Aus.TestKit;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace Aus.Cli.Tests.Docs;

/// <summary>
/// docs/organization.schema.json accepts every organization file aus accepts in the repository
/// (the examples, the deploy ConfigMap) and rejects the corpus files aus rejects for a reason a
/// schema can see (unknown keys, wrong types, missing keys, bad values).
/// </summary>
public sealed class OrganizationSchemaTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*-org.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_MatchesTheSchema(string example)
    {
        var schema = await LoadAsync();
        var json = YamlAsJson.Convert(await File.ReadAllTextAsync(RepositoryPaths.Example(example)));

        schema.Validate(json).Select(e => e.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeployConfigMapPolicies_MatchTheSchema()
    {
        var schema = await LoadAsync();
        var data = (YamlMappingNode)DeployManifestTests.Load("configmap.yaml")["data"];
        foreach (var value in data.Children.Values)
        {
            schema.Validate(YamlAsJson.Convert(((YamlScalarNode)value).Value!)).Select(e => e.ToString()).ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("unknown-key-top.yaml")]
    [InlineData("unknown-key-soakday.yaml")]
    [InlineData("wrong-type-soakdays.yaml")]
    [InlineData("wrong-type-workloads.yaml")]
    [InlineData("wrong-type-clusters.yaml")]
    [InlineData("negative-soakdays.yaml")]
    [InlineData("missing-org-id.yaml")]
    [InlineData("missing-schedule.yaml")]
    [InlineData("bad-max-parallel.yaml")]
    public async Task CorpusFileAusRejects_TheSchemaRejectsToo(string file)
    {
        var schema = await LoadAsync();
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", file);
        var validate = await CliRun.RunAsync("validate", path);
        validate.ExitCode.ShouldBe(ExitCodes.Invalid, "aus itself rejects the file");

        schema.Validate(YamlAsJson.Convert(await File.ReadAllTextAsync(path))).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("2")]
    [InlineData("'2'")]
    [InlineData("'50%'")]
    public async Task MaxParallelUpgrades_CountOrPercentage_IsAccepted(string value)
    {
        var schema = await LoadAsync();
        var yaml = $"name: n\norgId: o\nsectors:\n- name: s\n  maxParallelUpgrades: {value}\n";

        schema.Validate(YamlAsJson.Convert(yaml)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("'1.5'")]
    [InlineData("'50 %'")]
    public async Task MaxParallelUpgrades_Otherwise_IsRejected(string value)
    {
        var schema = await LoadAsync();
        var yaml = $"name: n\norgId: o\nsectors:\n- name: s\n  maxParallelUpgrades: {value}\n";

        schema.Validate(YamlAsJson.Convert(yaml)).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("freezes: [{name: f, start: '2026-11-27T00:00:00Z', end: '2026-11-28T00:00:00Z'}]")]
    [InlineData("freezes: [{name: f, schedule: '0 18 * * 5', duration: 2d14h}]")]
    [InlineData("haltOnFailure: {failedUpgrades: 1}")]
    [InlineData("sectors: [{name: s, requireApproval: true}]")]
    public async Task SafetyControls_AreAccepted(string line)
    {
        var schema = await LoadAsync();

        schema.Validate(YamlAsJson.Convert($"name: n\norgId: o\n{line}\n")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("freezes: [{name: f, start: '2026-11-27T00:00:00Z'}]")]
    [InlineData("freezes: [{name: f, start: '2026-11-27T00:00:00Z', end: '2026-11-28T00:00:00Z', duration: 1h}]")]
    [InlineData("freezes: [{name: f, schedule: '0 18 * * 5', duration: 1w}]")]
    [InlineData("freezes: [{name: f, start: tomorrow, end: '2026-11-28T00:00:00Z'}]")]
    [InlineData("haltOnFailure: {failedUpgrades: 0}")]
    [InlineData("haltOnFailure: {}")]
    [InlineData("sectors: [{name: s, requireApproval: 'yes'}]")]
    public async Task SafetyControls_Malformed_AreRejected(string line)
    {
        var schema = await LoadAsync();

        schema.Validate(YamlAsJson.Convert($"name: n\norgId: o\n{line}\n")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Schema_IsDraft07WithDefinitions()
    {
        var text = await File.ReadAllTextAsync(SchemaPath);

        text.ShouldContain("\"$schema\": \"http://json-schema.org/draft-07/schema#\"");
        text.ShouldNotContain("$defs", customMessage: "NJsonSchema, like many editors, resolves draft-07 definitions only");
    }

    private static string SchemaPath => Path.Combine(RepositoryPaths.Root, "docs", "organization.schema.json");

    private static async Task<JsonSchema> LoadAsync() => await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(SchemaPath));
}
