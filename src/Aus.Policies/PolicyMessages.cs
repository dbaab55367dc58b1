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

    public static string LargerThanLimit => $"the file is larger than {MaxSizeText}, the most a policy file may be";

    public static string NotARegularFile(string kind) => $"is not a regular file ({kind}); expected a YAML or JSON file";

    public static string Binary => "the file is binary (it contains NUL bytes); expected YAML or JSON text";

    public static string NotUtf8 => "the file is not valid UTF-8 text; expected YAML or JSON in UTF-8";

    public static string CannotRead(string reason) => $"cannot read the file: {reason}";

    public static string NoPolicyFiles => "the directory holds no .yml, .yaml or .json files";

    // The document as a whole.
    public static string YamlSyntax(string detail) => $"YAML syntax error: {detail}";

    public const string UnquotedStar = "a value starting with '*' must be quoted (YAML reads * as an alias), e.g. schedule: '* * * * *'";

    public const string UnexpectedCharacter = "cannot parse what follows this point; look for an unclosed '[' or '{'";

    public static string MultipleDocuments => "a second YAML document ('---') was found; a file holds exactly one document";

    public static string TooDeep(int depth) =>
        string.Create(CultureInfo.InvariantCulture, $"the document nests lists and mappings more than {depth} levels deep");

    public static string DuplicateOrgId(string orgId, string firstFile) =>
        $"orgId: organization '{orgId}' is already given by {firstFile}; each organization has one policy file";

    public static string SettingsNotValidatedHere =>
        "this is a settings file of aus serve (it has environments); aus serve checks it when it starts";

    public static string MoreProblems(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} more problems not shown; fix the ones above first");

    public static string AliasTooLarge(int budget) =>
        string.Create(CultureInfo.InvariantCulture, $"the aliases of this file expand to more than {budget} values; write the values out instead of aliasing them");

    public static string AliasCycle(string alias) => $"alias '*{alias}' refers to a value that contains it";

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

    public static string UnknownHealthProvider(string path, string provider, IReadOnlyCollection<string> known) =>
        $"{path}: unknown health provider '{provider}'; the providers are {string.Join(", ", known)}";

    public static string DuplicateHealthProvider(string path, string provider) =>
        $"{path}: health provider '{provider}' is listed twice; list each provider once";

    public static string InvalidMaxParallelUpgrades(string path, string found) =>
        $"{path}: {found} is not a valid maxParallelUpgrades; expected a positive integer such as \"2\" or an integer percentage such as \"50%\"";

    public static string InheritsFromItself(string path, string orgId) =>
        $"{path}: the organization inherits version data from itself (orgId '{orgId}'); remove this entry";

    public static string NothingCanSoak(string workload) =>
        $"workload '{workload}': no cluster running it has soakDays: 0 and no version data is inherited, so no version can ever soak for it; give at least one such cluster soakDays: 0, or inherit version data";

    // Safety controls.
    public static string DuplicateFreeze(string path, string freeze, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: duplicate freeze name '{freeze}'; it is already defined on line {firstLine}");

    public static string FreezeNeedsWindow(string path) =>
        $"{path}: a freeze needs start and end (RFC 3339 times) or, for a recurring freeze, schedule and duration";

    public static string FreezeMixesForms(string path) =>
        $"{path}: a freeze has either start and end or schedule and duration, not both";

    public static string FreezeEndsBeforeStart(string path, string end, string start) =>
        $"{path}: {end} is not after start {start}";

    public static string InvalidDuration(string path, string found) =>
        $"{path}: {found} is not a valid duration; expected days, hours and minutes such as 90m, 6h, 2d or 1d12h";

    public static string InvalidFailedUpgrades(string path, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: failedUpgrades must be an integer >= 1, found {value}");

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

    // app-interface organization files, read as they are.
    public const string OrganizationSchema = "/openshift/openshift-cluster-manager-1.yml";

    public static string UnusedSchemaKey(string key, string where) =>
        $"key '{key}' in {where} is part of app-interface's organization schema but not used by aus; ignored";

    public static string OtherSchema(string schema) =>
        $"$schema: '{schema}' is not an organization file; expected {OrganizationSchema} (or no $schema)";

    public const string NotAPolicyFile = "an app-interface file of another schema ($schema), not an organization file, fleet snapshot or history; not checked";

    public static string BadReference(string path, string reference, string problem) => $"{path}: $ref '{reference}' {problem}";

    public static string ReferenceWithoutKey(string path, string reference, string key, string expected) =>
        $"{path}: $ref '{reference}' names a file without '{key}'; expected {expected}";

    public static string OtherOrganizationSector(string path, string sector, string orgId) =>
        $"{path}: the dependency names organization '{orgId}', but sector dependencies are resolved by name within this organization (sector '{sector}'), as in AUS";

    // OCM labels (the label-based configuration). The path of each message is "label KEY".
    public static string LabelPath(string key) => $"label {key}";

    public static string MissingLabel(string key) =>
        $"label {key}: missing; a cluster with sre-capabilities.aus.* labels needs soak-days, workloads and schedule";

    public static string LabelNotAnInteger(string key, string value) =>
        $"label {key}: '{value}' is not an integer; expected an integer >= 0 such as \"7\"";

    public static string NegativeLabelInteger(string key, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"label {key}: must be an integer >= 0, found {value}");

    public static string NoLabelWorkloads(string key) =>
        $"label {key}: at least one workload is required, found an empty value";

    public static string UnknownLabelSector(string key, string sector, IReadOnlyCollection<string> declared) =>
        declared.Count == 0
            ? $"label {key}: sector '{sector}' is not a sector of this organization; the organization declares no sectors (declare one with the organization label {Labels.AusLabelKeys.SectorDepsPrefix}{sector})"
            : $"label {key}: sector '{sector}' is not a sector of this organization; declared sectors are {string.Join(", ", declared)}";

    public static string SectorLimitWithoutSector(string key, string sector) =>
        $"label {key}: declares no sector, so it has no effect; declare sector '{sector}' with the organization label {Labels.AusLabelKeys.SectorDepsPrefix}{sector} (an empty value for no dependencies)";

    public static string UnknownAusLabel(string key) =>
        $"label {key}: not a label aus knows; it is ignored";

    // Soak history files.
    public static string InvalidJson(string detail) => $"invalid JSON: {detail}";

    private static string Declared(IReadOnlyCollection<string> declared, string what, string field, string owner = "the organization") =>
        declared.Count == 0
            ? $"{owner} declares no {what} (add them to {field})"
            : $"declared {what} are {string.Join(", ", declared)}";
}
