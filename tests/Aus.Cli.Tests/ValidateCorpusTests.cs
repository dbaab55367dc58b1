namespace Aus.Cli.Tests;

/// <summary>
/// Broken files, one problem each: `aus validate` must name the file, line and column, explain the
/// problem, exit 1 (invalid) or 2 (unreadable), and never show a stack trace.
/// </summary>
public sealed class ValidateCorpusTests
{
    private static readonly string CorpusDir = Path.Combine(AppContext.BaseDirectory, "Corpus");

    [Theory]
    [InlineData("syntax-unclosed-list.yaml", 1, "4:1: error: YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'")]
    [InlineData("syntax-bad-indent.yaml", 1, "2:8: error: YAML syntax error: While scanning a plain scalar value, found invalid mapping")]
    [InlineData("syntax-tab-indent.yaml", 1, "1:1: error: YAML syntax error: While scanning a mapping, found invalid tab as indentation")]
    [InlineData("wrong-type-soakdays.yaml", 1, "15:17: error: upgradePolicyClusters[0].upgradePolicy.conditions.soakDays: expected an integer >= 0, found 'seven'")]
    [InlineData("wrong-type-workloads.yaml", 1, "12:16: error: upgradePolicyClusters[0].upgradePolicy.workloads: expected a list of strings, found 'svc'")]
    [InlineData("wrong-type-clusters.yaml", 1, "4:3: error: upgradePolicyClusters: expected a list of mappings with name and upgradePolicy, found a mapping")]
    [InlineData("wrong-type.json", 1, "2:95: error: upgradePolicyClusters[0].upgradePolicy.schedule: expected a string, found a list")]
    [InlineData("unknown-key-soakday.yaml", 1, "15:7: error: unknown key 'soakday' in upgradePolicyClusters[0].upgradePolicy.conditions; allowed keys are soakDays, mutexes, sector, blockedVersions")]
    [InlineData("unknown-key-top.yaml", 1, "3:1: error: unknown key 'blockedVersion' in the organization; allowed keys are name, orgId, environment, blockedVersions, upgradePolicyAllowedWorkloads, upgradePolicyAllowedMutexes, sectors, inheritVersionData, publishVersionData, upgradePolicyClusters, ausClusterHealthChecks, freezes, haltOnFailure, addonManagedUpgrades")]
    [InlineData("missing-schedule.yaml", 1, "12:5: error: missing required key 'schedule' in upgradePolicyClusters[0].upgradePolicy")]
    [InlineData("missing-org-id.yaml", 1, "1:1: error: missing required key 'orgId' in the organization")]
    [InlineData("sector-cycle.yaml", 1, "7:25: error: sectors[1].dependencies[0].name: sector dependency cycle a -> b -> a; sector dependencies must not form a cycle")]
    [InlineData("sector-self-dependency.yaml", 1, "5:25: error: sectors[0].dependencies[0].name: sector 'a' depends on itself; a sector may only depend on other sectors")]
    [InlineData("sector-unknown-dependency.yaml", 1, "5:25: error: sectors[0].dependencies[0].name: sector 'prod' depends on 'stage', which is not a sector of this organization; declared sectors are prod")]
    [InlineData("sector-unknown.yaml", 1, "16:15: error: upgradePolicyClusters[0].upgradePolicy.conditions.sector: sector 'blue' is not a sector of this organization; declared sectors are stage, prod")]
    [InlineData("sector-duplicate.yaml", 1, "5:9: error: sectors[1].name: duplicate sector name 'a'; it is already defined on line 4")]
    [InlineData("bad-cron-range.yaml", 1, "13:15: error: upgradePolicyClusters[0].upgradePolicy.schedule: '0 48 * * 1-5' is not a valid cron expression (Hours: Value must be a number between 0 and 23 (all inclusive)); expected 5 fields in UTC, such as '0 13 * * 1-5'")]
    [InlineData("bad-cron-fields.yaml", 1, "13:15: error: upgradePolicyClusters[0].upgradePolicy.schedule: '0 0 13 * * 1-5' is not a valid cron expression (expected 5 fields (minute hour day-of-month month day-of-week), found 6); expected 5 fields in UTC, such as '0 13 * * 1-5'")]
    [InlineData("bad-regex.yaml", 1, "4:3: error: blockedVersions[0]: '4.16.(1' is not a valid regular expression (at offset 7: Not enough )'s)")]
    [InlineData("catastrophic-regex.yaml", 1, "14:22: error: upgradePolicyClusters[0].upgradePolicy.workloads[1]: workload 'other' is not in upgradePolicyAllowedWorkloads; declared workloads are svc")]
    [InlineData("duplicate-cluster.yaml", 1, "16:9: error: upgradePolicyClusters[1].name: duplicate cluster name 'c1'; it is already defined on line 10")]
    [InlineData("duplicate-key.yaml", 1, "3:1: error: duplicate key 'orgId'; it is already defined on line 2")]
    [InlineData("undeclared-workload.yaml", 1, "12:22: error: upgradePolicyClusters[0].upgradePolicy.workloads[1]: workload 'billing' is not in upgradePolicyAllowedWorkloads; declared workloads are svc")]
    [InlineData("undeclared-mutex.yaml", 1, "16:23: error: upgradePolicyClusters[0].upgradePolicy.conditions.mutexes[1]: mutex 'dev' is not in upgradePolicyAllowedMutexes; declared mutexes are prod")]
    [InlineData("negative-soakdays.yaml", 1, "15:17: error: upgradePolicyClusters[0].upgradePolicy.conditions.soakDays: soakDays must be an integer >= 0, found -3")]
    [InlineData("bad-max-parallel.yaml", 1, "5:24: error: sectors[0].maxParallelUpgrades: 'half' is not a valid maxParallelUpgrades; expected a positive integer such as \"2\" or an integer percentage such as \"50%\"")]
    [InlineData("inherit-self.yaml", 1, "4:10: error: inheritVersionData[0].orgId: the organization inherits version data from itself (orgId 'x'); remove this entry")]
    [InlineData("empty.yaml", 1, "1:1: error: the file is empty; expected a mapping with name, orgId and upgradePolicyClusters")]
    [InlineData("comments-only.yaml", 1, "1:1: error: the file is empty; expected a mapping with name, orgId and upgradePolicyClusters")]
    [InlineData("non-mapping.yaml", 1, "1:1: error: the document is a list; expected a mapping with name, orgId and upgradePolicyClusters")]
    [InlineData("multiple-documents.yaml", 1, "3:1: error: a second YAML document ('---') was found; a file holds exactly one document")]
    [InlineData("bad-fleet-version.yaml", 1, "6:14: error: organizations[0].clusters[0].version: '4.16' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1")]
    [InlineData("bad-fleet-state.yaml", 1, "8:40: error: organizations[0].clusters[0].upgradePolicies[0].state: 'running' is not allowed; expected one of pending, scheduled, started, delayed, failed, cancelled, completed")]
    [InlineData("bad-fleet-duplicate.yaml", 1, "5:12: error: organizations[0].clusters[1].name: duplicate cluster name 'c1' in organization 'o'; it is already defined on line 4")]
    [InlineData("bad-history.json", 1, "2:62: error: $.versions[\"4.15.11\"].workloads[\"svc\"].soak_days: expected a number >= 0, found -1")]
    [InlineData("bad-history-syntax.json", 1, "2:26: error: invalid JSON: '}' is an invalid start of a value")]
    public async Task BrokenFile_IsReportedWithItsPosition(string file, int exitCode, string expected)
    {
        var path = Path.Combine(CorpusDir, file);

        var run = await CliRun.RunAsync("validate", path);

        run.ExitCode.ShouldBe(exitCode);
        run.StderrLines.ShouldContain($"{path}:{expected}");
        run.Stdout.ShouldBe($"1 file checked: {run.StderrLines.Length} error{(run.StderrLines.Length == 1 ? string.Empty : "s")}, 0 warnings\n");
        run.ShouldHaveNoStackTrace();
    }

    [Theory]
    [InlineData("binary.yaml", "the file is binary (it contains NUL bytes); expected YAML or JSON text")]
    [InlineData("not-utf8.yaml", "the file is not valid UTF-8 text; expected YAML or JSON in UTF-8")]
    public async Task UnreadableFile_ExitsTwo(string file, string message)
    {
        var path = Path.Combine(CorpusDir, file);

        var run = await CliRun.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2);
        run.StderrLines.ShouldBe([$"aus: error: {path}: {message}"]);
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task HugeFile_ExitsTwo()
    {
        var dir = Directory.CreateTempSubdirectory("aus-huge-").FullName;
        try
        {
            var path = Path.Combine(dir, "huge.yaml");
            await File.WriteAllTextAsync(path, "name: huge\norgId: x\nblockedVersions:\n" + string.Concat(Enumerable.Repeat("- '4.16.1'\n", 1_000_000)));

            var run = await CliRun.RunAsync("validate", path);

            run.ExitCode.ShouldBe(2);
            run.StderrLines.ShouldBe([$"aus: error: {path}: the file is {new FileInfo(path).Length} bytes; policy files may be at most 10 MiB"]);
            run.ShouldHaveNoStackTrace();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task CorpusDirectory_ReportsEveryFile_AndExitsTwoBecauseSomeAreUnreadable()
    {
        var run = await CliRun.RunAsync("validate", CorpusDir);

        run.ExitCode.ShouldBe(2);
        var files = Directory.GetFiles(CorpusDir).Length;
        files.ShouldBeGreaterThanOrEqualTo(25);
        run.Stdout.ShouldStartWith($"{files} files checked: ");
        run.ShouldHaveNoStackTrace();
    }
}
