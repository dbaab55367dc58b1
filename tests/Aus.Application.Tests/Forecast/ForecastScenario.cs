using System.Collections.Immutable;
using Aus.Application.Forecast;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.TestKit;
using CsCheck;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Forecast;

/// <summary>
/// Small generated fleets for the forecast's properties: two organizations (the second may inherit
/// the first's soak data), sectors with and without limits, mutexes, schedules with narrow and wide
/// windows, hosted control planes, policies already in OCM, a release that comes out later.
/// </summary>
/// <remarks>
/// Soak values are multiples of 1/16 day, the history was checked in at the start, and the pass
/// interval is 45 minutes (1/32 day): every soak sum is then exact in floating point, so stepping pass by
/// pass and jumping add up to the very same soak, and the comparison checks the jumps, not rounding.
/// </remarks>
internal sealed record ForecastScenario(int[][] Clusters, int[] Numbers)
{
    public static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(45);

    private static readonly string[] Versions = ["4.15.9", "4.16.1", "4.16.2", "4.16.3", "4.16.4"];
    private static readonly string[] Schedules = ["0 * * * *", "0 13 * * 1-5", "*/30 * * * *", "0 20 * * *", "30 6 * * 1", "0 9,17 * * *"];
    private static readonly string?[] Limits = [null, null, "1", "2", "50%"];
    private static readonly string[][] MutexSets = [[], [], ["m1"], ["m2"], ["m1", "m2"]];
    private static readonly string[][] WorkloadSets = [["w1"], ["w1"], ["w2"], ["w1", "w2"]];

    public static readonly Gen<ForecastScenario> Gen = CsCheck.Gen.Select(
        CsCheck.Gen.Int[0, 1000].Array[10].Array[2, 8],
        CsCheck.Gen.Int[0, 1000].Array[6],
        (clusters, numbers) => new ForecastScenario(clusters, numbers));

    public override string ToString() =>
        $"clusters: [{string.Join("; ", Clusters.Select(c => string.Join(",", c)))}], numbers: [{string.Join(",", Numbers)}]{(SecondInheritor ? ", second inheritor" : string.Empty)}";

    public ForecastRelease Release => new(V("4.16.5"), Now.AddHours(Numbers[0] % 30));

    /// <summary>A third organization, org-c, that inherits org-a's data as org-b does: a source with several inheritors.</summary>
    public bool SecondInheritor { get; init; }

    public bool UsesSectorLimits => Sectors().Any(s => s.MaxParallelUpgrades is not null);

    public ForecastRequest Request(TimeSpan horizon) => new([.. Inputs()], Fleet(), Now, Release)
    {
        Interval = Interval,
        UpgradeDuration = TimeSpan.FromMinutes(90 + (45 * (Numbers[1] % 3))),
        Horizon = horizon,
    };

    public IEnumerable<OrganizationInput> Inputs()
    {
        var (first, second) = Policies();
        yield return new OrganizationInput { Policy = first, History = History(Numbers[2]) };
        yield return new OrganizationInput { Policy = second, History = History(Numbers[3]) };
        if (SecondInheritor)
        {
            yield return new OrganizationInput { Policy = Third(), History = History(Numbers[2] + Numbers[3]) };
        }
    }

    /// <summary>The organization of cluster i: even ones in the first, odd ones in the second.</summary>
    public static string OrgOf(int i) => i % 2 == 0 ? "org-a" : "org-b";

    /// <summary>The organization of cluster i: with <see cref="SecondInheritor"/>, every third one in org-c.</summary>
    private string Org(int i) => SecondInheritor ? ((string[])["org-a", "org-b", "org-c"])[i % 3] : OrgOf(i);

    private bool Inherits => SecondInheritor || Numbers[4] % 2 == 0;

    private IEnumerable<ClusterPolicy> PoliciesOf(string orgId) =>
        Clusters.Select((a, i) => (Org: Org(i), Policy: Policy(
            $"c{i}",
            soakDays: a[1] % 4,
            schedule: Schedules[a[2] % Schedules.Length],
            workloads: WorkloadSets[a[3] % WorkloadSets.Length],
            mutexes: MutexSets[a[4] % MutexSets.Length],
            sector: a[5] % 3 == 0 ? null : $"s{a[5] % 3}"))).Where(p => p.Org == orgId).Select(p => p.Policy);

    private OrganizationPolicy Third() => Build.Organization("org-c", PoliciesOf("org-c"), Sectors()) with
    {
        InheritVersionData = [new InheritedOrganization(new OrganizationId("org-a"), null)],
    };

    public (OrganizationPolicy First, OrganizationPolicy Second) Policies()
    {
        var first = Build.Organization("org-a", PoliciesOf("org-a"), Sectors()) with
        {
            PublishVersionData = Inherits ? (SecondInheritor ? [new OrganizationId("org-b"), new OrganizationId("org-c")] : [new OrganizationId("org-b")]) : [],
        };
        var second = Build.Organization("org-b", PoliciesOf("org-b"), Sectors()) with
        {
            InheritVersionData = Inherits ? [new InheritedOrganization(new OrganizationId("org-a"), null)] : [],
        };
        return (first, second);
    }

    public IEnumerable<Sector> Sectors() =>
    [
        Sector("s1", Limits[Numbers[5] % Limits.Length]),
        Sector("s2", Limits[(Numbers[5] / 7) % Limits.Length], "s1"),
    ];

    public FleetSnapshot Fleet()
    {
        var clusters = Clusters.Select((a, i) => (Org: Org(i), Cluster: Cluster(a, i))).ToList();
        string[] orgIds = SecondInheritor ? ["org-a", "org-b", "org-c"] : ["org-a", "org-b"];
        return new FleetSnapshot([], [.. orgIds.Select(o => new FleetOrganization(new OrganizationId(o), [.. clusters.Where(c => c.Org == o).Select(c => c.Cluster)]))]);
    }

    private static OcmCluster Cluster(int[] a, int i)
    {
        var index = a[0] % Versions.Length;
        var available = Versions.Where((_, j) => j > index && j - index <= 2 && ((a[6] >> j) & 1) == 1).ToArray();
        var cluster = Build.Cluster($"c{i}", Versions[index], available);
        if (a[7] % 4 == 0)
        {
            cluster = cluster with
            {
                Product = "rosa",
                Hypershift = true,
                NodePools = [new NodePool("workers", V(Versions[index])), new NodePool("infra", V(Versions[Math.Max(0, index - (a[8] % 2))]))],
            };
        }

        if (a[9] % 6 == 0 && available.Length > 0)
        {
            cluster = cluster with { UpgradePolicies = [ExistingPolicy(available[0], nextRun: Now.AddMinutes(a[9] % 200))] };
        }

        return cluster;
    }

    private static VersionHistory History(int seed)
    {
        var entries = Versions.SelectMany((v, i) => new[] { "w1", "w2" }.Select((w, j) => (v, w, ((seed * (i + 1) * (j + 3)) % 48) / 16.0, Array.Empty<string>())));
        return Build.History(Now, [.. entries]);
    }
}
