using System.Globalization;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>Every sentence the planner writes, in one place so that tests can check them verbatim.</summary>
internal static class PlanningMessages
{
    public const string NoInheritedMinimum = "no inherited minimum version applies";

    public const string NoSoakRequired = "no soakDays set, so no soak check";

    public static string InheritedOrganizationMissing(OrganizationId orgId, OrganizationId sourceId) =>
        $"organization {orgId} inherits version data from {sourceId}, which is not among the organizations given";

    public static string InheritsFromItself(OrganizationId orgId) => $"organization {orgId} inherits version data from itself";

    public static string InheritanceNotPublished(OrganizationId orgId, OrganizationId sourceId) =>
        $"organization {orgId} inherits version data from {sourceId} but this data is not published to it: missing publishVersionData in {sourceId}";

    public static string ClusterPolicyInvalid(IReadOnlyList<string> messages) =>
        $"the cluster's policy is invalid: {string.Join("; ", messages)}";

    public static string OrganizationInvalid(string organization, int errors) =>
        $"organization {organization} has {Count(errors, "error")}; no cluster of it is upgraded until they are fixed";

    public static string NotInOcm(string name) => $"OCM has no ready cluster named {name} in this organization";

    public static string OutsideWindow(string schedule, DateTimeOffset? slot) => slot is { } next
        ? $"next slot {TimeFormat.Format(next)} is beyond the 2-hour look-ahead"
        : $"schedule '{schedule}' has no slot ahead";

    public static string InWindow(DateTimeOffset slot) => $"next slot {TimeFormat.Format(slot)} is within the 2-hour look-ahead";

    public static string Scheduled(OpenShiftVersion version, DateTimeOffset slot) =>
        $"upgrade to {version} at {TimeFormat.Format(slot)}: the highest version that meets every condition";

    public static string NodePoolCatchUp(NodePool pool, OpenShiftVersion controlPlane) =>
        $"node pool {pool.Id} runs {pool.Version}, behind the control plane at {controlPlane}";

    public static string SeveralPolicies(string cluster, int count) =>
        $"cluster {cluster} has {count} upgrade policies in OCM; expected at most one";

    public static string PolicyExists(ExistingUpgradePolicy policy, int count)
    {
        var nextRun = policy.NextRun is { } run ? $", next run {TimeFormat.Format(run)}" : string.Empty;
        var state = policy.State == UpgradePolicyState.Unknown ? "unknown" : policy.State.ToString().ToLowerInvariant();
        var others = count > 1 ? $" with {Count(count - 1, "other policy", "other policies")}" : string.Empty;
        return $"upgrade policy {policy.Id} to {policy.Version} exists in OCM (state {state}{nextRun}){others}";
    }

    public static string SeveralAddonPolicies(string cluster, string addon, int count) =>
        $"cluster {cluster} has {count} upgrade policies for add-on {addon} in OCM; expected at most one";

    public static string AddonPolicyExists(string addon, ExistingUpgradePolicy policy, int count) =>
        $"add-on {addon}: {PolicyExists(policy, count)}";

    public static string AddonOutsideWindow(string schedule, DateTimeOffset? slot) => slot is { } next
        ? $"next slot {TimeFormat.Format(next)} is beyond the 10-minute add-on window"
        : $"schedule '{schedule}' has no slot ahead";

    public static string AddonInWindow(DateTimeOffset slot) => $"next slot {TimeFormat.Format(slot)} is within the 10-minute add-on window";

    public static string AddonScheduled(string addon, OpenShiftVersion version, DateTimeOffset nextRun) =>
        $"upgrade add-on {addon} to {version} at {TimeFormat.Format(nextRun)}: the highest version that meets every condition";

    public static string AddonLatestMissing(string cluster, string addon) =>
        $"cluster {cluster} has add-on {addon} ready, but the add-on catalog (addonVersions) has no latest version for it";

    public static string AddonVersionInvalid(string cluster, string addon, string error) =>
        $"cluster {cluster}, add-on {addon}: {error}";

    public static string MutexHeld(MutexName mutex, UpgradePass.Holder holder) =>
        $"mutex {mutex} is held by {holder.Spec.Name} (upgrading to {holder.Version})";

    public static string MutexesFree(IEnumerable<MutexName> mutexes) => $"mutexes free: {string.Join(", ", mutexes)}";

    public static string SectorIdle(SectorName sector) => $"no cluster of sector {sector} is upgrading";

    public static string SectorLimitReached(SectorName sector, ParallelLimit limit, int max, int members, MutexName mutex, IReadOnlyList<UpgradePass.Holder> holders) =>
        $"sector {sector} allows {max} parallel upgrade{(max == 1 ? string.Empty : "s")} among the {members} cluster{(members == 1 ? string.Empty : "s")} sharing mutex {mutex} (maxParallelUpgrades {limit}); upgrading: {string.Join(", ", holders.Select(h => h.Spec.Name))}";

    public static string SectorBelowLimit(SectorName sector, ParallelLimit limit) =>
        $"sector {sector} is below its maxParallelUpgrades {limit}";

    public static string ChannelSwitch(string from, string to) => $"; switching channel {from} to {to}";

    public static string InheritedMinimumExceeded(OpenShiftVersion version, OpenShiftVersion minimum, Workload? workload) => workload is { } w
        ? $"{version} is above {minimum}, the lowest version the inherited organizations run for workload {w}"
        : $"{version} is above {minimum}, the lowest version the inherited organizations run";

    public static string InheritedMinimumHolds(OpenShiftVersion version, OpenShiftVersion? minimum) => minimum is null
        ? NoInheritedMinimum
        : $"{version} is not above {minimum}, the lowest version the inherited organizations run";

    public static string SectorDependencyHolds(SectorName dependency, Workload workload, SectorLowestCluster minimum, OpenShiftVersion version) =>
        $"sector {dependency} runs {workload} on {minimum.Version} or later ({minimum.Cluster} lowest), not below {version}";

    public static string SectorDependencyFails(SectorName sector, SectorName dependency, SectorLowestCluster minimum, OpenShiftVersion version) =>
        $"sector {sector} waits for {dependency}: {minimum.Cluster} runs {minimum.Version} < {version}";

    public static string Soak(OpenShiftVersion version, double soaked, int required, Workload workload) =>
        string.Create(CultureInfo.InvariantCulture, $"{version} has soaked {soaked:F2} of {required} days for workload {workload}");

    public static string NoUpgrades(OpenShiftVersion current) => $"OCM offers no upgrade from {current}";

    public static string AllBlocked(IEnumerable<CandidateEvaluation> candidates) =>
        $"every available upgrade is blocked: {string.Join(", ", candidates.Select(c => $"{c.Version} by {c.BlockedBy}"))}";

    public static string GateMissing(OpenShiftVersion version, IReadOnlyList<VersionGate> gates, IReadOnlyCollection<string> enabledLabels)
    {
        var names = string.Join(", ", gates.Select(g => $"{g.Id} ({g.Label})"));
        var next = gates.All(g => enabledLabels.Contains(g.Label))
            ? "aus agrees to it in this pass and upgrades in the next"
            : "agree to it in OCM or list its label in versionGateApprovals";
        return $"{version} needs version gate {names} agreed; {next}";
    }

    public static string GateStatus(VersionGate gate, bool agreed, bool enabled) =>
        $"gate {gate.Id} ({gate.Label}, {gate.VersionRawIdPrefix}): {(agreed ? "agreed" : enabled ? "not agreed; aus agrees to it" : "not agreed; its label is not in versionGateApprovals")}";

    public static string Paused(RolloutPause pause)
    {
        var why = pause.Reason is { Length: > 0 } reason ? $": {reason}" : string.Empty;
        var until = pause.Until is { } time ? $" (until {TimeFormat.Format(time)})" : string.Empty;
        return $"paused by the {pause.ScopeText} pause{why}{until}";
    }

    public static string NotPaused(string cluster) => $"no pause covers cluster {cluster}";

    public static string ScheduledPolicyCancelled(ExistingUpgradePolicy policy, RolloutPause pause)
    {
        var kind = policy.Kind switch
        {
            UpgradePolicyKind.ControlPlane => "control-plane upgrade policy",
            UpgradePolicyKind.NodePool => $"node-pool {policy.NodePoolId} upgrade policy",
            _ => "upgrade policy",
        };
        var nextRun = policy.NextRun is { } run ? $", next run {TimeFormat.Format(run)}" : string.Empty;
        var state = policy.State.ToString().ToLowerInvariant();
        return $"{Paused(pause)}, which cancels scheduled upgrades: {kind} {policy.Id} to {policy.Version} (state {state}{nextRun}) has not started and is deleted";
    }

    public static string Frozen(FreezeWindow freeze, DateTimeOffset run, (DateTimeOffset Start, DateTimeOffset End) occurrence) =>
        $"next run {TimeFormat.Format(run)} falls inside freeze {freeze.Name} ({TimeFormat.Format(occurrence.Start)} to {TimeFormat.Format(occurrence.End)})";

    public static string NotFrozen(DateTimeOffset run) => $"next run {TimeFormat.Format(run)} is outside every freeze";

    public static string VersionHalted(OpenShiftVersion version) =>
        $"{version} is halted in this organization after failed upgrades; aus resume --version {version} lifts the halt";

    public static string VersionPaused(OpenShiftVersion version, RolloutPause pause) => $"{version} is {Paused(pause)}";

    public static string VersionNotHeld(OpenShiftVersion version) => $"{version} is neither halted nor paused";

    public static string AwaitingApproval(SectorName sector, OpenShiftVersion version) =>
        $"sector {sector} requires approval and {version} is not approved for it; aus approve --sector {sector} --version {version} lets it go";

    public static string Approved(SectorName sector, OpenShiftVersion version) => $"{version} is approved for sector {sector}";

    private static string Count(int n, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? singular : plural ?? singular + "s")}");
}
