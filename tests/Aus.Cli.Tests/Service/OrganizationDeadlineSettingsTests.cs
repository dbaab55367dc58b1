using Aus.Cli.Service;

namespace Aus.Cli.Tests.Service;

/// <summary>The organization deadline: 5 minutes unless the settings file or AUS_ORGANIZATION_DEADLINE says otherwise.</summary>
public sealed class OrganizationDeadlineSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aus-deadline-").FullName;

    [Fact]
    public async Task Unset_IsFiveMinutes()
    {
        var settings = (await LoadAsync(Write("policies: [orgs]"))).Settings!;

        settings.OrganizationDeadline.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task TheSettingsFile_SetsIt_AndTheVariableWins()
    {
        var file = Write("""
            policies: [orgs]
            organizationDeadline: 90s
            """);

        (await LoadAsync(file)).Settings!.OrganizationDeadline.ShouldBe(TimeSpan.FromSeconds(90));
        (await LoadAsync(file, ("AUS_ORGANIZATION_DEADLINE", "2m"))).Settings!.OrganizationDeadline.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task ANonPositiveDeadline_IsAnErrorAtItsPlace()
    {
        var file = Write("""
            policies: [orgs]
            organizationDeadline: 0s
            """);

        var result = await LoadAsync(file);

        result.Settings.ShouldBeNull();
        result.Errors.ShouldBe([$"{file}:2:23: error: organizationDeadline '0s' is not a positive duration; write it like 5m, 30s, 1h30m or 500ms"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<SettingsResult> LoadAsync(string file, params (string Name, string Value)[] variables) =>
        ServiceSettingsLoader.LoadAsync(
            new SettingsOverrides { SettingsFile = file },
            name => name == "OCM_TOKEN" ? "offline" : variables.FirstOrDefault(v => v.Name == name).Value,
            CancellationToken.None);

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "aus.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
