namespace Aus.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aus-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Examples_AreValid()
    {
        var run = await CliRun.RunAsync("validate", Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples"));

        run.Stderr.ShouldBeEmpty();
        run.Stdout.ShouldBe("11 files valid\n");
        run.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task SeveralFiles_EveryProblemIsPrintedThenASummary()
    {
        var good = Write("good.yaml", "name: a\norgId: b\n");
        var bad = Write("bad.yaml", "name: a\norgId: c\nsoakDays: 3\nsectors: [{name: s, maxParallelUpgrades: 0}]\n");

        var run = await CliRun.RunAsync("validate", good, bad);

        run.ExitCode.ShouldBe(1);
        run.StderrLines.ShouldBe([
            $"{bad}:3:1: error: unknown key 'soakDays' in the organization; allowed keys are name, orgId, environment, blockedVersions, upgradePolicyAllowedWorkloads, upgradePolicyAllowedMutexes, sectors, inheritVersionData, publishVersionData, upgradePolicyClusters, ausClusterHealthChecks, freezes, haltOnFailure, addonManagedUpgrades",
            $"{bad}:4:42: error: sectors[0].maxParallelUpgrades: 0 is not a valid maxParallelUpgrades; expected a positive integer such as \"2\" or an integer percentage such as \"50%\"",
        ]);
        run.Stdout.ShouldBe("2 files checked: 2 errors, 0 warnings\n");
    }

    [Fact]
    public async Task WarningsOnly_ExitZero()
    {
        var path = Write("org.yaml", "name: a\norgId: b\nupgradePolicyAllowedWorkloads: [svc]\nupgradePolicyClusters:\n- name: c\n  upgradePolicy: {workloads: [svc], schedule: '0 0 * * *', conditions: {soakDays: 2}}\n");

        var run = await CliRun.RunAsync("validate", path);

        run.ExitCode.ShouldBe(0);
        run.StderrLines.ShouldBe([$"{path}:6:31: warning: workload 'svc': no cluster running it has soakDays: 0 and no version data is inherited, so no version can ever soak for it; give at least one such cluster soakDays: 0, or inherit version data"]);
        run.Stdout.ShouldBe("1 file checked: 0 errors, 1 warning\n");
    }

    [Fact]
    public async Task MissingFile_ExitsTwo()
    {
        var path = Path.Combine(_dir, "nope.yaml");

        var run = await CliRun.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {path}: no such file"]);
    }

    [Fact]
    public async Task DirectoryWithoutPolicyFiles_ExitsTwo()
    {
        Write("notes.txt", "hello");

        var run = await CliRun.RunAsync("validate", _dir);

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {_dir}: the directory holds no .yml, .yaml or .json files"]);
        run.Stdout.ShouldBe("0 files valid\n");
    }

    [Fact]
    public async Task Directory_ChecksItsFilesInNameOrder()
    {
        Write("b.yaml", "name: b\n");
        Write("a.yml", "orgId: a\n");
        Write("c.txt", "ignored");

        var run = await CliRun.RunAsync("validate", _dir);

        run.ExitCode.ShouldBe(1);
        run.StderrLines.ShouldBe([
            $"{Path.Combine(_dir, "a.yml")}:1:1: error: missing required key 'name' in the organization",
            $"{Path.Combine(_dir, "b.yaml")}:1:1: error: missing required key 'orgId' in the organization",
        ]);
    }

    [Fact]
    public async Task NoFiles_IsAUsageError()
    {
        var run = await CliRun.RunAsync("validate");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldStartWith("aus: error: ");
    }

    [Fact]
    public async Task Help_DescribesTheCommand()
    {
        var run = await CliRun.RunAsync("validate", "--help");

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("validate <FILE>... [options]");
        run.Stdout.ShouldContain("exit status 0: valid, 1: errors, 2: a file cannot be read");
    }

    [Fact]
    public async Task RootHelp_ListsValidate()
    {
        var run = await CliRun.RunAsync("--help");

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("validate <FILE>");
    }
}
