using System.Collections.Immutable;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Scheduling;

namespace Aus.Application.Forecast;

/// <summary>One forecast from start to end; see <see cref="ForecastEngine"/> for why the jumps are safe.</summary>
internal sealed class ForecastRun
{
    // A soak crossing is computed in floating point; the pass is looked for a second early, so
    // that a rounding never lets the forecast step over the pass where the planner sees it.
    private static readonly TimeSpan SoakMargin = TimeSpan.FromSeconds(1);

    private readonly ForecastRequest _request;
    private readonly Stepping _stepping;
    private readonly PassGrid _grid;
    private readonly ForecastFleet _fleet;
    private readonly ScheduleWindows _windows;
    private readonly List<OrganizationState> _organizations;
    private readonly Dictionary<string, OrganizationState> _byOrgId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OrgId, string Name), ClusterTrack> _tracks = [];
    private readonly Dictionary<(string OrgId, string Name), ClusterPolicy> _policies = [];

    // The pass before each upgrade completes, when its organization must check in (see CheckInsDue).
    private readonly PriorityQueue<OrganizationState, DateTimeOffset> _checkIns = new();
    private int _plannedPasses;

    public ForecastRun(ForecastRequest request, Stepping stepping)
    {
        if (request.Interval <= TimeSpan.Zero)
        {
            throw new ArgumentException("the pass interval must be positive", nameof(request));
        }

        _request = request;
        _stepping = stepping;
        _grid = new PassGrid(request.Now, request.Interval);
        _fleet = new ForecastFleet(request.Fleet, request.Release, request.UpgradeDuration, request.Graph, request.Now);
        _windows = new ScheduleWindows(_grid, request.End);
        _organizations = [.. request.Organizations.Select(o => new OrganizationState(o))];
        foreach (var organization in _organizations)
        {
            _byOrgId.TryAdd(organization.OrgId, organization);
        }

        foreach (var organization in _organizations)
        {
            foreach (var source in organization.Input.Policy.InheritVersionData)
            {
                if (_byOrgId.TryGetValue(source.OrgId.Value, out var found) && found != organization)
                {
                    organization.Sources.Add(found);
                    found.Inheritors.Add(organization);
                }
            }

            foreach (var policy in organization.Input.Policy.Clusters)
            {
                _policies.TryAdd((organization.OrgId, policy.Name), policy);
            }

            foreach (var name in organization.Input.AllClusterNames)
            {
                var track = new ClusterTrack(organization.OrgId, name);
                if (_fleet.Find(organization.OrgId, name) is { } cluster)
                {
                    track.InitialVersion = cluster.Cluster.Version.ToString();
                    track.AlreadyThere = cluster.Cluster.Version >= request.Release.Version;
                    foreach (var policy in cluster.Cluster.UpgradePolicies)
                    {
                        if (cluster.InFlight.TryGetValue(policy.Id, out var completesAt))
                        {
                            track.Created(policy, created: null, completesAt - request.UpgradeDuration, completesAt, request.Release);
                            CheckInBefore(organization, completesAt, request.Now);
                        }
                    }
                }

                _tracks.TryAdd((organization.OrgId, name), track);
            }
        }

        GroupFamilies();

        // The same tables by name for each organization, for lookups on every pass.
        var statesById = _organizations.ToLookup(o => o.OrgId, StringComparer.Ordinal);
        foreach (var ((orgId, name), track) in _tracks)
        {
            foreach (var organization in statesById[orgId])
            {
                organization.Tracks[name] = track;
            }
        }

        foreach (var ((orgId, name), policy) in _policies)
        {
            if (_tracks.TryGetValue((orgId, name), out var track))
            {
                track.Policy = policy;
            }
        }

        foreach (var organization in _organizations)
        {
            organization.Schedules.AddRange(organization.Tracks.Values
                .Select(t => t.Policy?.Schedule)
                .OfType<CronSchedule>()
                .DistinctBy(s => s.Expression, StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// Numbers the families: organizations tied by inherited version data, or given with the same id,
    /// are planned in one planner call (see <see cref="ParallelPlanning"/>).
    /// </summary>
    private void GroupFamilies()
    {
        for (var i = 0; i < _organizations.Count; i++)
        {
            _organizations[i].Family = i;
        }

        // Relabel until every tie agrees on the lowest number; families are small and few.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var organization in _organizations)
            {
                var tied = organization.Sources.Append(_byOrgId[organization.OrgId]).Append(organization).ToList();
                var family = tied.Min(o => o.Family);
                foreach (var member in tied.Where(m => m.Family > family))
                {
                    member.Family = family;
                    changed = true;
                }
            }
        }
    }

    /// <summary>Checked between passes: a cancelled forecast throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    public Forecast Run()
    {
        var end = _request.End;
        var time = _request.Now;
        foreach (var organization in _organizations)
        {
            organization.NextPass = time;
        }

        while (true)
        {
            CancellationToken.ThrowIfCancellationRequested();
            var changed = _fleet.CompleteDue(time);
            var (planned, lenders) = Due(time, changed);
            if (planned.Count > 0)
            {
                Plan(planned, lenders, time);
            }

            CheckInsDue(time);

            if (IsSettled())
            {
                break;
            }

            var next = _organizations.Select(o => o.NextPass).Where(p => p is not null).Min();
            var completion = _fleet.NextCompletion is { } at ? _grid.AtOrAfter(at) : (DateTimeOffset?)null;
            next = Earliest(next, completion);
            next = Earliest(next, _checkIns.TryPeek(out _, out var checkIn) ? checkIn : null);
            if (next is not { } upcoming || upcoming > end)
            {
                break;
            }

            time = upcoming;
        }

        var stop = IsSettled() ? time : end;
        foreach (var organization in _organizations)
        {
            ReplayWindowFlips(organization, stop, inclusive: true);
        }

        foreach (var track in _tracks.Values)
        {
            track.HoldUntil(stop);
        }

        return Result(end);
    }

    /// <summary>
    /// The organizations planned at this pass: those with an event now, the ones whose upgrades
    /// completed, and those that inherit from the latter (what they inherit changed); and the
    /// sources these inherit from that are not planned themselves, which only lend their data.
    /// </summary>
    /// <remarks>
    /// An inheriting organization reads only its sources' soak data, and that changes its course
    /// only when a source's clusters change versions: a source's other events (its actions, window
    /// flips, its own soak crossings) change nothing for it. Its own soak crossings count the
    /// sources' clusters in (<see cref="NextSoakCrossing"/>).
    /// </remarks>
    private (List<OrganizationState> Planned, List<OrganizationState> Lenders) Due(DateTimeOffset time, HashSet<string> changed)
    {
        var due = new HashSet<OrganizationState>();
        foreach (var organization in _organizations)
        {
            if (organization.NextPass is { } pass && pass <= time || changed.Contains(organization.OrgId))
            {
                if (_stepping == Stepping.EveryOrganizationAtEachEvent)
                {
                    due.UnionWith(_organizations);
                    break;
                }

                due.Add(organization);
                if (changed.Contains(organization.OrgId))
                {
                    due.UnionWith(organization.Inheritors);
                }
            }
        }

        if (due.Count == 0)
        {
            return ([], []);
        }

        var lenders = new HashSet<OrganizationState>();
        foreach (var organization in due)
        {
            foreach (var source in organization.Sources)
            {
                if (!due.Contains(source))
                {
                    lenders.Add(source);
                }
            }
        }

        // The planner checks in the add-on histories of a source as well; the forecast keeps none,
        // so such a source is planned in full, as it would be in a real pass.
        foreach (var lender in lenders.Where(l => l.Input.Policy.AddonManagedUpgrades).ToList())
        {
            lenders.Remove(lender);
            due.Add(lender);
        }

        // An organization's own event (anything but a window flip) starts a new epoch for it, and a
        // source's changed versions for the organizations that inherit from it: what its clusters
        // were seen to decide may change.
        foreach (var organization in due)
        {
            var ownEvent = changed.Contains(organization.OrgId)
                || (organization.NextPass is { } p && p <= time && p != organization.WindowOnlyPass);
            organization.EpochContinues = !ownEvent && !organization.Sources.Any(s => changed.Contains(s.OrgId));
        }

        return ([.. _organizations.Where(due.Contains)], [.. _organizations.Where(lenders.Contains)]);
    }

    private void Plan(List<OrganizationState> organizations, List<OrganizationState> lenders, DateTimeOffset time)
    {
        foreach (var lender in lenders)
        {
            lender.History = CheckedIn(lender, time);
        }

        // Replayed first: the flips fall before this pass, and the windows' table is not for two threads.
        foreach (var organization in organizations)
        {
            ReplayWindowFlips(organization, time);
        }

        // Clusters share a few schedules: whether each is in its window at this pass is worked out once, before the threads read it.
        var inWindow = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var schedule in organizations.SelectMany(o => o.Schedules))
        {
            if (!inWindow.ContainsKey(schedule.Expression))
            {
                inWindow[schedule.Expression] = ScheduleWindows.IsInWindow(schedule, time);
            }
        }

        var plans = ParallelPlanning.Plan(
            [.. organizations.Select(o => new FamilyInput(o.Input with { History = o.History }, o.Family))],
            [.. lenders.Select(l => new FamilyInput(l.Lending, l.Family))],
            _fleet.SnapshotAt(time),
            time,
            (i, plan) => Observe(organizations[i], plan, inWindow, time));

        _plannedPasses += organizations.Count;
        for (var i = 0; i < organizations.Count; i++)
        {
            var organization = organizations[i];
            var result = plans[i];
            var (created, deleted) = _fleet.Apply(organization.OrgId, result.Actions);
            foreach (var (cluster, policy, completesAt) in created)
            {
                organization.Tracks.GetValueOrDefault(cluster.Cluster.Name)?.Created(policy, time, policy.NextRun!.Value, completesAt, _request.Release);
                CheckInBefore(organization, completesAt, time);
            }

            foreach (var (cluster, policyId) in deleted)
            {
                organization.Tracks.GetValueOrDefault(cluster.Cluster.Name)?.Cancelled(policyId);
            }

            organization.NextPass = NextPass(organization, result, time);
            organization.LastPlanned = time;
        }
    }

    /// <summary>
    /// Takes in an organization's plan at this pass: each cluster's decision, which side of its window
    /// it was seen on, and when a soak total it reads next crosses a soakDays. Called on the thread that
    /// planned the organization: it changes only the organization's tracks and tables and its sources'
    /// (all of one family, planned on the same thread), and reads clusters no one changes while planning.
    /// </summary>
    private void Observe(OrganizationState organization, OrganizationPlan plan, Dictionary<string, bool> inWindow, DateTimeOffset time)
    {
        organization.HasErrors = !plan.Errors.IsEmpty;
        organization.History = plan.History ?? organization.History;

        // Only read when the plan did not act (a plan that acts is followed by the next pass).
        organization.SoakCrossing = plan.Actions.IsEmpty && plan.VersionData is { } data ? NextSoakCrossing(organization, data, time) : null;
        foreach (var decision in plan.Clusters)
        {
            if (organization.Tracks.TryGetValue(decision.Name, out var track))
            {
                track.Decided(decision, time);
                if (track.Policy is { } policy)
                {
                    track.Observed(inWindow[policy.Schedule.Expression], decision, organization.EpochContinues);
                }
            }
        }
    }

    /// <summary>
    /// Feeds the clusters whose window flips were not planned the decisions the planner gives them at
    /// each flip before <paramref name="until"/> (or at it, with <paramref name="inclusive"/>): the ones
    /// seen on either side of their window since the organization's last event.
    /// </summary>
    private void ReplayWindowFlips(OrganizationState organization, DateTimeOffset until, bool inclusive = false)
    {
        if (organization.SkippingFlips.Count == 0)
        {
            return;
        }

        var flipsBySchedule = new Dictionary<string, List<WindowFlip>>(StringComparer.Ordinal);
        foreach (var track in organization.SkippingFlips)
        {
            // A cluster skips flips only when its window matters, so it has a policy.
            var schedule = track.Policy!.Schedule;
            if (!flipsBySchedule.TryGetValue(schedule.Expression, out var flips))
            {
                flips = Flips(schedule, organization.LastPlanned, until, inclusive);
                flipsBySchedule[schedule.Expression] = flips;
            }

            foreach (var flip in flips)
            {
                track.Decided(track.DecisionAtFlip(flip), flip.At);
            }
        }

        organization.SkippingFlips.Clear();
    }

    /// <summary>The flips of <paramref name="schedule"/>'s window after <paramref name="from"/>, before <paramref name="until"/> (or at it, with <paramref name="inclusive"/>).</summary>
    private List<WindowFlip> Flips(CronSchedule schedule, DateTimeOffset from, DateTimeOffset until, bool inclusive)
    {
        var flips = new List<WindowFlip>();
        while (_windows.NextChange(schedule, from) is { } flip && (flip < until || inclusive && flip == until))
        {
            flips.Add(new WindowFlip(schedule, flip, ScheduleWindows.IsInWindow(schedule, flip)));
            from = flip;
        }

        return flips;
    }

    /// <summary>The next pass at which the organization's decisions may change, absent completions (those are watched for every organization).</summary>
    private DateTimeOffset? NextPass(OrganizationState organization, OrganizationPlan plan, DateTimeOffset time)
    {
        organization.WindowOnlyPass = null;
        if (_stepping == Stepping.EveryPass || !plan.Actions.IsEmpty)
        {
            return _grid.After(time);
        }

        if (organization.HasErrors)
        {
            // Errors stop every action and do not go away with time.
            return null;
        }

        if (!organization.Input.Policy.Freezes.IsEmpty)
        {
            // A freeze holds a cluster whose next run falls inside it, and the next run moves with
            // every pass: an organization with freeze windows is planned at every pass.
            return _grid.After(time);
        }

        DateTimeOffset? next = null;
        if (_request.Release.OfferedAt is { } offered && offered > time)
        {
            next = _grid.AtOrAfter(offered);
        }

        foreach (var pause in organization.Input.Controls.Pauses)
        {
            // A pause that ends frees its clusters at the first pass after.
            if (pause.Until is { } until && until > time)
            {
                next = Earliest(next, _grid.AtOrAfter(until));
            }
        }

        if (organization.SoakCrossing is { } crossing)
        {
            var pass = _grid.AtOrAfter(crossing - SoakMargin);
            next = Earliest(next, pass > time ? pass : _grid.After(time));
        }

        DateTimeOffset? window = null;
        foreach (var policy in organization.Input.Policy.Clusters)
        {
            var track = organization.Tracks.GetValueOrDefault(policy.Name);
            if (_fleet.Find(organization.OrgId, policy.Name) is not { } cluster || !WindowMatters(cluster, track))
            {
                continue;
            }

            var outsideIsOnlyASkip = organization.Input.Controls.Pauses.IsEmpty && cluster.OnlySkipsOutsideWindow;
            if (_stepping == Stepping.Jump && track is not null && track.KnowsBothSidesOfItsWindow(outsideIsOnlyASkip))
            {
                // Until the next event its flips only swap between the two decisions known: no need to plan them.
                track.OutsideIsOnlyASkip = outsideIsOnlyASkip;
                organization.SkippingFlips.Add(track);
            }
            else
            {
                window = Earliest(window, _windows.NextChange(policy.Schedule, time));
            }
        }

        if (window is { } flip && (next is null || flip < next))
        {
            organization.WindowOnlyPass = flip;
            return flip;
        }

        return next;
    }

    /// <summary>
    /// Notes the last pass before an upgrade of the organization completes. A check-in credits the
    /// time since the last one to the versions the clusters run at the check-in, so that pass (the
    /// last that sees the old version) must check in, as the real service's would.
    /// </summary>
    private void CheckInBefore(OrganizationState organization, DateTimeOffset completesAt, DateTimeOffset time)
    {
        var before = _grid.AtOrAfter(completesAt) - _request.Interval;
        if (before > time)
        {
            _checkIns.Enqueue(organization, before);
        }
    }

    /// <summary>
    /// Checks in the organizations whose upgrades complete after this pass and that were not planned
    /// at it. Their decisions cannot change here (no event of theirs falls on it), only their soak.
    /// </summary>
    private void CheckInsDue(DateTimeOffset time)
    {
        while (_checkIns.TryPeek(out var organization, out var at) && at <= time)
        {
            _checkIns.Dequeue();
            if (organization.History.CheckIn != time)
            {
                organization.History = CheckedIn(organization, time);
            }
        }
    }

    /// <summary>The organization's history checked in at <paramref name="time"/>, as the planner's pass would check it in.</summary>
    private VersionHistory CheckedIn(OrganizationState organization, DateTimeOffset time)
    {
        if (!organization.Input.ValidationErrors.IsEmpty)
        {
            // The planner does not check in an organization whose files have errors.
            return organization.History;
        }

        return SoakLedger.CheckIn(organization.History, Specs(organization), time);
    }

    /// <summary>The organization's clusters as the soak ledger takes them: built again only after one of them changed.</summary>
    private List<UpgradeSpec> Specs(OrganizationState organization)
    {
        var stamp = _fleet.ChangesOf(organization.OrgId);
        if (organization.Specs is { } cached && organization.SpecsStamp == stamp)
        {
            return cached;
        }

        var specs = new List<UpgradeSpec>(organization.Input.Policy.Clusters.Length);
        foreach (var policy in organization.Input.Policy.Clusters)
        {
            if (_fleet.Find(organization.OrgId, policy.Name) is { } cluster)
            {
                specs.Add(new UpgradeSpec(organization.Input.Policy, policy, cluster.Cluster));
            }
        }

        organization.Specs = specs;
        organization.SpecsStamp = stamp;
        return specs;
    }

    /// <summary>
    /// Whether the cluster's window opening or closing can change anything the forecast reports. Not
    /// while it has an upgrade policy: the planner then decides the same in and outside the window
    /// (the upgrade in progress, its locks, its node pools). Otherwise, while it waits for the release
    /// its reason changes; after that only an action could matter, and outside or inside its window the
    /// planner can only act on it when OCM offers it an upgrade or another channel.
    /// </summary>
    private static bool WindowMatters(ForecastFleet.ModelCluster cluster, ClusterTrack? track) =>
        cluster.Cluster.UpgradePolicies.IsEmpty
        && (track is null
            || track.IsWaiting
            || !cluster.Cluster.AvailableUpgrades.IsEmpty
            || cluster.Cluster.AvailableChannels.Any(c => c != cluster.Cluster.Channel));

    /// <summary>
    /// The earliest moment a soak total the organization decides with reaches one of its soakDays.
    /// A total grows by one day per day for each cluster that runs the version with the workload, here
    /// or in an organization it inherits from; counting every such cluster (healthy or not, reporting
    /// yet or not) can only make the moment earlier, never later.
    /// </summary>
    private DateTimeOffset? NextSoakCrossing(OrganizationState organization, VersionHistory data, DateTimeOffset time)
    {
        var thresholds = organization.Thresholds;
        if (thresholds.Count == 0)
        {
            return null;
        }

        var rates = SoakRates(organization);
        var candidates = CandidateVersions(organization);
        DateTimeOffset? earliest = null;
        foreach (var ((version, workload), rate) in rates)
        {
            if (!candidates.Contains(version)
                || !thresholds.TryGetValue(workload, out var days)
                || !data.Versions.TryGetValue(version, out var workloads)
                || !workloads.TryGetValue(workload, out var soak))
            {
                continue;
            }

            foreach (var required in days)
            {
                if (required > soak.SoakDays)
                {
                    var crossing = time + TimeSpan.FromDays((required - soak.SoakDays) / rate);
                    earliest = Earliest(earliest, crossing);
                    break;
                }
            }
        }

        return earliest;
    }

    /// <summary>
    /// The versions OCM offers the organization's clusters: the planner reads soak for these only, so
    /// only their soak crossings can change a decision. Worked out again only after an offer was.
    /// </summary>
    private HashSet<string> CandidateVersions(OrganizationState organization)
    {
        var stamp = _fleet.OfferChangesOf(organization.OrgId);
        if (organization.Candidates is { } cached && organization.CandidatesStamp == stamp)
        {
            return cached;
        }

        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in _fleet.ClustersOf(organization.OrgId))
        {
            foreach (var version in cluster.Cluster.AvailableUpgrades)
            {
                candidates.Add(version.ToString());
            }
        }

        organization.Candidates = candidates;
        organization.CandidatesStamp = stamp;
        return candidates;
    }

    /// <summary>
    /// Per version and workload, the clusters of the organization and its sources that run it: added up
    /// again only after one of them changed versions.
    /// </summary>
    private Dictionary<(string Version, Workload Workload), int> SoakRates(OrganizationState organization)
    {
        var stamp = _fleet.VersionChangesOf(organization.OrgId);
        foreach (var source in organization.Sources)
        {
            stamp += _fleet.VersionChangesOf(source.OrgId);
        }

        if (organization.Rates is { } cached && organization.RatesStamp == stamp)
        {
            return cached;
        }

        var rates = RunningClusters(organization);
        if (organization.Sources.Count > 0)
        {
            rates = new Dictionary<(string Version, Workload Workload), int>(rates);
            foreach (var source in organization.Sources)
            {
                foreach (var (key, count) in RunningClusters(source))
                {
                    rates[key] = rates.GetValueOrDefault(key) + count;
                }
            }
        }

        organization.Rates = rates;
        organization.RatesStamp = stamp;
        return rates;
    }

    /// <summary>
    /// Per version and workload, the organization's clusters that run it: counted again only after one
    /// of them changed versions.
    /// </summary>
    private Dictionary<(string Version, Workload Workload), int> RunningClusters(OrganizationState organization)
    {
        var stamp = _fleet.VersionChangesOf(organization.OrgId);
        if (organization.Running is { } cached && organization.RunningStamp == stamp)
        {
            return cached;
        }

        var running = new Dictionary<(string Version, Workload Workload), int>();
        foreach (var policy in organization.Input.Policy.Clusters)
        {
            if (_fleet.Find(organization.OrgId, policy.Name) is not { } cluster)
            {
                continue;
            }

            var version = cluster.Cluster.Version.ToString();
            foreach (var workload in policy.Workloads)
            {
                running[(version, workload)] = running.GetValueOrDefault((version, workload)) + 1;
            }
        }

        organization.Running = running;
        organization.RunningStamp = stamp;
        return running;
    }

    /// <summary>Done early when no cluster that could still act waits for the release and nothing is in flight.</summary>
    private bool IsSettled() =>
        !_fleet.HasUpgradesInFlight
        && _tracks.Values.All(t => !t.IsWaiting || _byOrgId[t.OrgId].HasErrors || _fleet.Find(t.OrgId, t.Name) is null);

    private Forecast Result(DateTimeOffset end)
    {
        var clusters = ImmutableArray.CreateBuilder<ClusterForecast>();
        var organizations = ImmutableArray.CreateBuilder<OrganizationForecast>();
        foreach (var organization in _organizations)
        {
            var own = organization.Input.AllClusterNames.Select(n => _tracks[(organization.OrgId, n)]).Distinct().ToList();
            foreach (var track in own)
            {
                clusters.Add(ToForecast(track));
            }

            var reached = own.Count(t => t.AlreadyThere || t.Start is not null);
            organizations.Add(new OrganizationForecast
            {
                OrgId = organization.OrgId,
                Name = organization.Input.Policy.Name,
                Clusters = own.Count,
                Reached = reached,
                RolloutEnd = reached == own.Count ? own.Select(t => t.Completion).Max() : null,
                IsInvalid = organization.HasErrors,
            });
        }

        return new Forecast
        {
            Now = _request.Now,
            End = end,
            Release = _request.Release,
            Interval = _request.Interval,
            UpgradeDuration = _request.UpgradeDuration,
            Clusters = clusters.ToImmutable(),
            Organizations = organizations.ToImmutable(),
            PlannedPasses = _plannedPasses,
        };
    }

    private static ClusterForecast ToForecast(ClusterTrack track)
    {
        var held = track.Held();
        var outcome = track.AlreadyThere ? ForecastOutcome.AlreadyThere
            : track.Start is not null ? ForecastOutcome.Upgrades
            : ForecastOutcome.NotWithinHorizon;
        return new ClusterForecast
        {
            OrgId = track.OrgId,
            Name = track.Name,
            Version = track.InitialVersion,
            Outcome = outcome,
            Start = track.Start,
            Completion = track.Completion,
            TargetVersion = track.TargetVersion,
            HeldLongest = held.FirstOrDefault(),
            LastCondition = track.LastDecision is { } last ? new HeldCondition(last.Reason, last.Detail, TimeSpan.Zero) : null,
            Conditions = [.. held],
            Upgrades = [.. track.Upgrades],
        };
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        var (x, y) => x < y ? x : y,
    };

    private sealed class OrganizationState(OrganizationInput input)
    {
        public OrganizationInput Input { get; } = input;

        public string OrgId => Input.Policy.OrgId.Value;

        public VersionHistory History { get; set; } = input.History;

        /// <summary>
        /// The organization as a source that only lends its data to an inheriting organization
        /// planned without it: its history checked in already, and no clusters to decide.
        /// </summary>
        public OrganizationInput Lending => Input with { History = History, Policy = Input.Policy with { Clusters = [] } };

        public bool HasErrors { get; set; }

        /// <summary>The organizations planned in one planner call with it share this number (see ParallelPlanning).</summary>
        public int Family { get; set; }

        public DateTimeOffset? NextPass { get; set; }

        /// <summary>When a soak total the organization read at its last pass reaches one of its soakDays (see NextSoakCrossing).</summary>
        public DateTimeOffset? SoakCrossing { get; set; }

        /// <summary>The next pass when only a window flip brings it (no other event before).</summary>
        public DateTimeOffset? WindowOnlyPass { get; set; }

        /// <summary>Whether this pass brings no event of the organization or its sources but window flips.</summary>
        public bool EpochContinues { get; set; }

        public DateTimeOffset LastPlanned { get; set; }

        /// <summary>Clusters whose window flips since the last pass were left out, to be replayed at the next.</summary>
        public List<ClusterTrack> SkippingFlips { get; } = [];

        public List<OrganizationState> Sources { get; } = [];

        /// <summary>The organization's clusters by name (shared with an organization of the same id given twice, as the planner would).</summary>
        public Dictionary<string, ClusterTrack> Tracks { get; } = new(StringComparer.Ordinal);

        /// <summary>The schedules of its clusters' policies (see ClusterTrack.Policy), one per expression.</summary>
        public List<CronSchedule> Schedules { get; } = [];

        public List<OrganizationState> Inheritors { get; } = [];

        /// <summary>The soak rates last added up (see SoakRates), and the version changes they were added up at.</summary>
        public Dictionary<(string Version, Workload Workload), int>? Rates { get; set; }

        public int RatesStamp { get; set; }

        /// <summary>The clusters running each version with each workload, last counted (see RunningClusters), and the version changes they were counted at.</summary>
        public Dictionary<(string Version, Workload Workload), int>? Running { get; set; }

        public int RunningStamp { get; set; }

        /// <summary>The versions offered to its clusters last worked out (see CandidateVersions), and the fleet changes they were worked out at.</summary>
        public HashSet<string>? Candidates { get; set; }

        public int CandidatesStamp { get; set; }

        /// <summary>The specs last built for a check-in (see Specs), and the fleet changes they were built at.</summary>
        public List<UpgradeSpec>? Specs { get; set; }

        public int SpecsStamp { get; set; }

        /// <summary>Per workload, the soakDays its clusters require, lowest first.</summary>
        public Dictionary<Workload, SortedSet<int>> Thresholds { get; } = input.Policy.Clusters
            .Where(c => c.SoakDays is not null)
            .SelectMany(c => c.Workloads.Select(w => (Workload: w, Days: c.SoakDays!.Value)))
            .GroupBy(x => x.Workload)
            .ToDictionary(g => g.Key, g => new SortedSet<int>(g.Select(x => x.Days)));
    }
}
