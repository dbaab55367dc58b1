using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Application.Forecast;

/// <summary>
/// What the forecast learns of one cluster as it goes: the reason of its latest decision and since
/// when, how long each reason held it, and the upgrades created for it.
/// </summary>
internal sealed class ClusterTrack(string orgId, string name)
{
    // Per reason (by its number), how long it held the cluster and the detail it first held it with; null detail: never.
    private readonly (TimeSpan Duration, string? Detail)[] _held = new (TimeSpan, string?)[ReasonCount];
    private Reason? _reason;
    private string _detail = string.Empty;
    private DateTimeOffset _since;
    private ClusterDecision? _inWindow;
    private ClusterDecision? _outsideWindow;
    private readonly Dictionary<string, ForecastUpgrade> _byPolicy = new(StringComparer.Ordinal);
    private string? _startPolicy;

    private static readonly int ReasonCount = Enum.GetValues<Reason>().Max(r => (int)r) + 1;

    public string OrgId { get; } = orgId;

    public string Name { get; } = name;

    /// <summary>The cluster's policy in its organization's file, when the file has one of the name.</summary>
    public ClusterPolicy? Policy { get; set; }

    public string? InitialVersion { get; set; }

    public bool AlreadyThere { get; set; }

    public DateTimeOffset? Start { get; private set; }

    public DateTimeOffset? Completion { get; private set; }

    public string? TargetVersion { get; private set; }

    public ClusterDecision? LastDecision { get; private set; }

    public List<ForecastUpgrade> Upgrades { get; } = [];

    /// <summary>Whether the cluster still waits for the release.</summary>
    public bool IsWaiting => !AlreadyThere && Start is null;

    /// <summary>Takes in the decision of a pass at <paramref name="time"/>; the previous reason held until then.</summary>
    public void Decided(ClusterDecision decision, DateTimeOffset time)
    {
        HoldUntil(time);
        if (IsWaiting)
        {
            // Once the cluster has the release, later decisions say nothing about why it waited.
            LastDecision = decision;
        }

        // An upgrade decision acts rather than holds; from the next pass on, the upgrade is in progress.
        _reason = decision.Decision == Decision.Skip ? decision.Reason : null;
        _detail = decision.Detail;
        _since = time;
    }

    /// <summary>Takes in an upgrade that starts at <paramref name="start"/>; one to the release (or later) is the cluster's start.</summary>
    public void Created(ExistingUpgradePolicy policy, DateTimeOffset? created, DateTimeOffset start, DateTimeOffset completesAt, ForecastRelease release)
    {
        var upgrade = new ForecastUpgrade(policy.Kind, policy.NodePoolId, policy.Version, created, start, completesAt);
        Upgrades.Add(upgrade);
        _byPolicy[policy.Id] = upgrade;
        if (IsWaiting && policy.Kind != UpgradePolicyKind.NodePool && OpenShiftVersion.Parse(policy.Version) >= release.Version)
        {
            _startPolicy = policy.Id;
            Start = start;
            Completion = completesAt;
            TargetVersion = policy.Version;
        }
    }

    /// <summary>
    /// Forgets an upgrade whose policy was deleted before it ran (a pause cancelled it): it never
    /// happens, and when it was the cluster's start, the cluster waits for the release again.
    /// </summary>
    public void Cancelled(string policyId)
    {
        if (!_byPolicy.Remove(policyId, out var upgrade))
        {
            return;
        }

        Upgrades.Remove(upgrade);
        if (_startPolicy == policyId)
        {
            _startPolicy = null;
            Start = null;
            Completion = null;
            TargetVersion = null;
        }
    }

    /// <summary>
    /// Notes the decision seen in or outside the cluster's window; a new epoch (an event of the
    /// organization since the last pass) forgets what was seen before it.
    /// </summary>
    public void Observed(bool inWindow, ClusterDecision decision, bool epochContinues)
    {
        if (!epochContinues)
        {
            _inWindow = null;
            _outsideWindow = null;
        }

        if (inWindow)
        {
            _inWindow = decision;
        }
        else
        {
            _outsideWindow = decision;
        }
    }

    /// <summary>
    /// Whether the planner's skip outside the window is known without a pass (see
    /// <see cref="WindowOutlook.OnlySkipsOutsideWindow"/>): set where the forecast decides to skip the cluster's flips.
    /// </summary>
    public bool OutsideIsOnlyASkip { get; set; }

    /// <summary>
    /// Whether both sides of the window are known in this epoch, neither acting: its flips then only
    /// swap the two. The inside must have been seen; the outside seen, or known to be only a skip.
    /// </summary>
    public bool KnowsBothSidesOfItsWindow(bool outsideIsOnlyASkip) =>
        _inWindow is { Decision: Decision.Skip } && (outsideIsOnlyASkip || _outsideWindow is { Decision: Decision.Skip });

    /// <summary>The decision a pass at <paramref name="flip"/> gives the cluster, known from this epoch.</summary>
    public ClusterDecision DecisionAtFlip(WindowFlip flip) =>
        flip.InWindow ? _inWindow!
        : OutsideIsOnlyASkip ? new ClusterDecision { Name = Name, Decision = Decision.Skip, Reason = Reason.OutsideWindow, Detail = flip.OutsideDetail }
        : _outsideWindow!;

    /// <summary>Counts the current reason as holding the cluster until <paramref name="time"/>, while it waits.</summary>
    public void HoldUntil(DateTimeOffset time)
    {
        if (_reason is { } reason && IsWaiting && time > _since)
        {
            ref var held = ref _held[(int)reason];
            held = (held.Duration + (time - _since), held.Detail ?? _detail);
        }

        _since = time;
    }

    /// <summary>Every reason that held the cluster, longest first (ties in the order of the reasons).</summary>
    public List<HeldCondition> Held() =>
        [.. _held
            .Select((h, reason) => (Reason: (Reason)reason, h.Duration, h.Detail))
            .Where(h => h.Detail is not null)
            .OrderByDescending(h => h.Duration)
            .ThenBy(h => h.Reason)
            .Select(h => new HeldCondition(h.Reason, h.Detail!, h.Duration))];
}
