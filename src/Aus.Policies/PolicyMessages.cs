using System.Globalization;

namespace Aus.Policies;

/// <summary>
/// Every message the readers report, in one place so that wording stays consistent and is tested
/// verbatim. A message names the field (a path such as upgradePolicyClusters[0].upgradePolicy.schedule),
/// the bad value, and what is allowed.
/// </summary>
internal static class PolicyMessages
{
    public const string MaxSizeText = "10 MiB";

    // Reading the file.
    public static string FileNotFound => "no such file";

    public static string IsADirectory => "is a directory; give the files in it, or the directory to 'aus validate'";

    public static string TooLarge(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"the file is {bytes} bytes; policy files may be at most {MaxSizeText}");

    public static string Binary => "the file is binary (it contains NUL bytes); expected YAML or JSON text";

    public static string NotUtf8 => "the file is not valid UTF-8 text; expected YAML or JSON in UTF-8";

    public static string CannotRead(string reason) => $"cannot read the file: {reason}";

    public static string NoPolicyFiles => "the directory holds no .yml, .yaml or .json files";

    // The document as a whole.
    public static string YamlSyntax(string detail) => $"YAML syntax error: {detail}";

    public const string UnexpectedCharacter = "cannot parse what follows this point; look for an unclosed '[' or '{'";

    public static string MultipleDocuments => "a second YAML document ('---') was found; a file holds exactly one document";

    public static string TooDeep(int depth) =>
        string.Create(CultureInfo.InvariantCulture, $"the document nests lists and mappings more than {depth} levels deep");

    public static string UnknownAlias(string alias) => $"alias '*{alias}' refers to no anchor defined before it";

    public static string NonScalarKey(string found) => $"a mapping key must be a string, found {found}";

    public static string DuplicateKey(string key, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"duplicate key '{key}'; it is already defined on line {firstLine}");

    public static string EmptyFile(string expected) => $"the file is empty; expected {expected}";

    public static string NotAMapping(string found, string expected) => $"the document is {found}; expected {expected}";

    public const string OrganizationExpected = "a mapping with name, orgId and upgradePolicyClusters";

    public const string FleetExpected = "a mapping with organizations";

    // Structure.
    public static string UnknownKey(string key, string where, IEnumerable<string> allowed) =>
        $"unknown key '{key}' in {where}; allowed keys are {string.Join(", ", allowed)}";

    public static string MissingKey(string key, string where) => $"missing required key '{key}' in {where}";

    public static string WrongType(string path, string expected, string found) => $"{path}: expected {expected}, found {found}";

    // Organization rules.
    public static string NoWorkloads(string path) => $"{path}: at least one workload is required, found an empty list";

    public static string WorkloadNotAllowed(string path, string workload, IReadOnlyCollection<string> declared) =>
        $"{path}: workload '{workload}' is not in upgradePolicyAllowedWorkloads; " + Declared(declared, "workloads", "upgradePolicyAllowedWorkloads");

    public static string MutexNotAllowed(string path, string mutex, IReadOnlyCollection<string> declared) =>
        $"{path}: mutex '{mutex}' is not in upgradePolicyAllowedMutexes; " + Declared(declared, "mutexes", "upgradePolicyAllowedMutexes");

    public static string UnknownSector(string path, string sector, IReadOnlyCollection<string> declared) =>
        $"{path}: sector '{sector}' is not a sector of this organization; " + Declared(declared, "sectors", "sectors");

    public static string UnknownSectorDependency(string path, string sector, string dependency, IReadOnlyCollection<string> declared) =>
        $"{path}: sector '{sector}' depends on '{dependency}', which is not a sector of this organization; " + Declared(declared, "sectors", "sectors");

    public static string SectorDependsOnItself(string path, string sector) =>
        $"{path}: sector '{sector}' depends on itself; a sector may only depend on other sectors";

    public static string SectorCycle(string path, IEnumerable<string> cycle) =>
        $"{path}: sector dependency cycle {string.Join(" -> ", cycle)}; sector dependencies must not form a cycle";

    public static string DuplicateSector(string path, string sector, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: duplicate sector name '{sector}'; it is already defined on line {firstLine}");

    public static string DuplicateCluster(string path, string cluster, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: duplicate cluster name '{cluster}'; it is already defined on line {firstLine}");

    public static string InvalidCron(string path, string expression, string detail) =>
        $"{path}: '{expression}' is not a valid cron expression ({detail}); expected 5 fields in UTC, such as '0 13 * * 1-5'";

    public static string InvalidRegex(string path, string pattern, string detail) =>
        $"{path}: '{pattern}' is not a valid regular expression ({detail})";

    public static string NegativeSoakDays(string path, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: soakDays must be an integer >= 0, found {value}");

    public static string InvalidMaxParallelUpgrades(string path, string found) =>
        $"{path}: {found} is not a valid maxParallelUpgrades; expected a positive integer such as \"2\" or an integer percentage such as \"50%\"";

    public static string InheritsFromItself(string path, string orgId) =>
        $"{path}: the organization inherits version data from itself (orgId '{orgId}'); remove this entry";

    public static string NothingCanSoak(string workload) =>
        $"workload '{workload}': no cluster running it has soakDays: 0 and no version data is inherited, so no version can ever soak for it; give at least one such cluster soakDays: 0, or inherit version data";

    // Fleet snapshot rules.
    public static string InvalidVersion(string path, string detail) => $"{path}: {detail}";

    public static string InvalidMinorVersion(string path, string found) =>
        $"{path}: {found} is not a MAJOR.MINOR version; expected a version prefix such as \"4.16\"";

    public static string InvalidChoice(string path, string found, IEnumerable<string> allowed) =>
        $"{path}: {found} is not allowed; expected one of {string.Join(", ", allowed)}";

    public static string InvalidTime(string path, string found) =>
        $"{path}: {found} is not an RFC 3339 time; expected a UTC time such as 2026-11-23T13:00:00Z";

    public static string NodePoolRequired(string path) =>
        $"{path}: an upgrade policy of kind node-pool needs 'nodePool: <node pool id>'";

    public static string NodePoolNotAllowed(string path, string kind) =>
        $"{path}: nodePool is only allowed on upgrade policies of kind node-pool, this one is of kind {kind}";

    public static string UnknownNodePool(string path, string nodePool, IReadOnlyCollection<string> declared) =>
        $"{path}: node pool '{nodePool}' is not a node pool of this cluster; " + Declared(declared, "node pools", "nodePools", "the cluster");

    public static string AddonRequired(string path) =>
        $"{path}: an upgrade policy of kind addon needs 'addon: <add-on id>'";

    public static string AddonNotAllowed(string path, string kind) =>
        $"{path}: addon is only allowed on upgrade policies of kind addon, this one is of kind {kind}";

    public static string UnknownGate(string path, string gate, IReadOnlyCollection<string> declared) =>
        $"{path}: version gate '{gate}' is not in versionGates; " + Declared(declared, "version gates", "versionGates", "the fleet snapshot");

    public static string DuplicateId(string path, string what, string id, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: duplicate {what} '{id}'; it is already defined on line {firstLine}");

    public static string DuplicateFleetCluster(string path, string cluster, string orgId, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: duplicate cluster name '{cluster}' in organization '{orgId}'; it is already defined on line {firstLine}");

    // Soak history files.
    public static string InvalidJson(string detail) => $"invalid JSON: {detail}";

    private static string Declared(IReadOnlyCollection<string> declared, string what, string field, string owner = "the organization") =>
        declared.Count == 0
            ? $"{owner} declares no {what} (add them to {field})"
            : $"declared {what} are {string.Join(", ", declared)}";
}
