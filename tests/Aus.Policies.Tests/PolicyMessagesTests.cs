namespace Aus.Policies.Tests;

/// <summary>Every message text, verbatim: users grep for them and scripts may match them.</summary>
public sealed class PolicyMessagesTests
{
    public static TheoryData<string, string> Messages => new()
    {
        { PolicyMessages.FileNotFound, "no such file" },
        { PolicyMessages.IsADirectory, "is a directory; give the files in it, or the directory to 'aus validate'" },
        { PolicyMessages.TooLarge(11_000_000), "the file is 11000000 bytes; policy files may be at most 10 MiB" },
        { PolicyMessages.Binary, "the file is binary (it contains NUL bytes); expected YAML or JSON text" },
        { PolicyMessages.NotUtf8, "the file is not valid UTF-8 text; expected YAML or JSON in UTF-8" },
        { PolicyMessages.CannotRead("denied"), "cannot read the file: denied" },
        { PolicyMessages.NoPolicyFiles, "the directory holds no .yml, .yaml or .json files" },
        { PolicyMessages.YamlSyntax("bad"), "YAML syntax error: bad" },
        { PolicyMessages.YamlSyntax(PolicyMessages.UnexpectedCharacter), "YAML syntax error: cannot parse what follows this point; look for an unclosed '[' or '{'" },
        { PolicyMessages.MultipleDocuments, "a second YAML document ('---') was found; a file holds exactly one document" },
        { PolicyMessages.TooDeep(64), "the document nests lists and mappings more than 64 levels deep" },
        { PolicyMessages.UnknownAlias("x"), "alias '*x' refers to no anchor defined before it" },
        { PolicyMessages.NonScalarKey("a list"), "a mapping key must be a string, found a list" },
        { PolicyMessages.DuplicateKey("name", 3), "duplicate key 'name'; it is already defined on line 3" },
        { PolicyMessages.EmptyFile(PolicyMessages.OrganizationExpected), "the file is empty; expected a mapping with name, orgId and upgradePolicyClusters" },
        { PolicyMessages.NotAMapping("a list", PolicyMessages.FleetExpected), "the document is a list; expected a mapping with organizations" },
        { PolicyMessages.UnknownKey("k", "x", ["a", "b"]), "unknown key 'k' in x; allowed keys are a, b" },
        { PolicyMessages.MissingKey("k", "x"), "missing required key 'k' in x" },
        { PolicyMessages.WrongType("p", "a string", "a list"), "p: expected a string, found a list" },
        { PolicyMessages.NoWorkloads("p"), "p: at least one workload is required, found an empty list" },
        { PolicyMessages.WorkloadNotAllowed("p", "w", ["a", "b"]), "p: workload 'w' is not in upgradePolicyAllowedWorkloads; declared workloads are a, b" },
        { PolicyMessages.WorkloadNotAllowed("p", "w", []), "p: workload 'w' is not in upgradePolicyAllowedWorkloads; the organization declares no workloads (add them to upgradePolicyAllowedWorkloads)" },
        { PolicyMessages.MutexNotAllowed("p", "m", ["a"]), "p: mutex 'm' is not in upgradePolicyAllowedMutexes; declared mutexes are a" },
        { PolicyMessages.MutexNotAllowed("p", "m", []), "p: mutex 'm' is not in upgradePolicyAllowedMutexes; the organization declares no mutexes (add them to upgradePolicyAllowedMutexes)" },
        { PolicyMessages.UnknownSector("p", "s", []), "p: sector 's' is not a sector of this organization; the organization declares no sectors (add them to sectors)" },
        { PolicyMessages.UnknownSectorDependency("p", "a", "b", ["a"]), "p: sector 'a' depends on 'b', which is not a sector of this organization; declared sectors are a" },
        { PolicyMessages.SectorDependsOnItself("p", "a"), "p: sector 'a' depends on itself; a sector may only depend on other sectors" },
        { PolicyMessages.SectorCycle("p", ["a", "b", "a"]), "p: sector dependency cycle a -> b -> a; sector dependencies must not form a cycle" },
        { PolicyMessages.DuplicateSector("p", "s", 4), "p: duplicate sector name 's'; it is already defined on line 4" },
        { PolicyMessages.DuplicateCluster("p", "c", 4), "p: duplicate cluster name 'c'; it is already defined on line 4" },
        { PolicyMessages.InvalidCron("p", "x", "why"), "p: 'x' is not a valid cron expression (why); expected 5 fields in UTC, such as '0 13 * * 1-5'" },
        { PolicyMessages.InvalidRegex("p", "(", "why"), "p: '(' is not a valid regular expression (why)" },
        { PolicyMessages.NegativeSoakDays("p", -3), "p: soakDays must be an integer >= 0, found -3" },
        { PolicyMessages.InvalidMaxParallelUpgrades("p", "'x'"), "p: 'x' is not a valid maxParallelUpgrades; expected a positive integer such as \"2\" or an integer percentage such as \"50%\"" },
        { PolicyMessages.InheritsFromItself("p", "o"), "p: the organization inherits version data from itself (orgId 'o'); remove this entry" },
        { PolicyMessages.NothingCanSoak("w"), "workload 'w': no cluster running it has soakDays: 0 and no version data is inherited, so no version can ever soak for it; give at least one such cluster soakDays: 0, or inherit version data" },
        { PolicyMessages.DuplicateFreeze("p", "f", 4), "p: duplicate freeze name 'f'; it is already defined on line 4" },
        { PolicyMessages.FreezeNeedsWindow("p"), "p: a freeze needs start and end (RFC 3339 times) or, for a recurring freeze, schedule and duration" },
        { PolicyMessages.FreezeMixesForms("p"), "p: a freeze has either start and end or schedule and duration, not both" },
        { PolicyMessages.FreezeEndsBeforeStart("p", "'b'", "'a'"), "p: 'b' is not after start 'a'" },
        { PolicyMessages.InvalidDuration("p", "'x'"), "p: 'x' is not a valid duration; expected days, hours and minutes such as 90m, 6h, 2d or 1d12h" },
        { PolicyMessages.InvalidFailedUpgrades("p", 0), "p: failedUpgrades must be an integer >= 1, found 0" },
        { PolicyMessages.InvalidVersion("p", "why"), "p: why" },
        { PolicyMessages.InvalidMinorVersion("p", "'4'"), "p: '4' is not a MAJOR.MINOR version; expected a version prefix such as \"4.16\"" },
        { PolicyMessages.InvalidChoice("p", "'x'", ["a", "b"]), "p: 'x' is not allowed; expected one of a, b" },
        { PolicyMessages.InvalidTime("p", "'x'"), "p: 'x' is not an RFC 3339 time; expected a UTC time such as 2026-11-23T13:00:00Z" },
        { PolicyMessages.NodePoolRequired("p"), "p: an upgrade policy of kind node-pool needs 'nodePool: <node pool id>'" },
        { PolicyMessages.NodePoolNotAllowed("p", "cluster"), "p: nodePool is only allowed on upgrade policies of kind node-pool, this one is of kind cluster" },
        { PolicyMessages.UnknownNodePool("p", "n", ["w"]), "p: node pool 'n' is not a node pool of this cluster; declared node pools are w" },
        { PolicyMessages.UnknownNodePool("p", "n", []), "p: node pool 'n' is not a node pool of this cluster; the cluster declares no node pools (add them to nodePools)" },
        { PolicyMessages.UnknownGate("p", "g", []), "p: version gate 'g' is not in versionGates; the fleet snapshot declares no version gates (add them to versionGates)" },
        { PolicyMessages.DuplicateId("p", "release", "4.16.1", 2), "p: duplicate release '4.16.1'; it is already defined on line 2" },
        { PolicyMessages.DuplicateFleetCluster("p", "c", "o", 2), "p: duplicate cluster name 'c' in organization 'o'; it is already defined on line 2" },
        { PolicyMessages.InvalidJson("why"), "invalid JSON: why" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_IsWordedAsDocumented(string actual, string expected)
    {
        actual.ShouldBe(expected);
    }
}
