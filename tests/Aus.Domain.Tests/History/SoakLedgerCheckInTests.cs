using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.TestKit;
using static Aus.TestKit.Build;

namespace Aus.Domain.Tests.History;

/// <summary>reference-behaviour.md 9.2, 9.3 and 12: how a check-in accrues soak days.</summary>
public sealed class SoakLedgerCheckInTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static UpgradeSpec Spec(string name, string version, string[]? workloads = null, params HealthError[] health)
    {
        var policy = Policy(name, workloads: workloads);
        var cluster = Cluster(name, version) with { HealthErrors = [.. health] };
        return new UpgradeSpec(Organization("org", [policy]), policy, cluster);
    }

    private static HealthError Enforced => new("telemeter", "ClusterOperatorDown", Enforce: true);

    private static HealthError NotEnforced => new("telemeter", "ClusterOperatorDown", Enforce: false);

    [Fact]
    public void SoakDays_AreClusterDays_TwoClustersForOneAndAHalfDaysAddThree()
    {
        var history = Build.History(Now.AddDays(-1.5), ("4.16.2", "wl", 0, ["a", "b"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.2"), Spec("b", "4.16.2")], Now);

        checkedIn.SoakDays("4.16.2", new Workload("wl")).ShouldBe(3.0, tolerance: 1e-9);
    }

    [Fact]
    public void FirstSighting_OnlyRegistersTheCluster()
    {
        var history = Build.History(Now.AddDays(-2), ("4.16.2", "wl", 5, ["a"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.2"), Spec("b", "4.16.2")], Now);

        var soak = checkedIn.Versions["4.16.2"][new Workload("wl")];
        soak.SoakDays.ShouldBe(7.0, tolerance: 1e-9);
        soak.Reporting.ShouldBe(["a", "b"]);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(10, 3)]
    [InlineData(15, 5)]
    [InlineData(16, 1)]
    [InlineData(17, 40)]
    public void AroundTheListLengthWhereASetTakesOver_KnownOnesAccrueOnce_NewOnesAppendOnce(int knownCount, int newCount)
    {
        var known = Enumerable.Range(0, knownCount).Select(i => $"k{i}").ToArray();
        var added = Enumerable.Range(0, newCount).Select(i => $"n{i}").ToArray();
        var history = Build.History(Now.AddDays(-1), ("4.16.2", "wl", 0, known));

        // Every new cluster checks in, then every known one, then every new one again (a name listed twice in the policy).
        var specs = added.Concat(known).Concat(added).Select(name => Spec(name, "4.16.2")).ToList();
        var checkedIn = SoakLedger.CheckIn(history, specs, Now);

        var soak = checkedIn.Versions["4.16.2"][new Workload("wl")];
        soak.Reporting.ShouldBe([.. known, .. added]);
        soak.SoakDays.ShouldBe(knownCount + newCount, tolerance: 1e-6);
    }

    [Fact]
    public void AllClustersKnown_KeepTheStoredReportingList()
    {
        var history = Build.History(Now.AddDays(-1), ("4.16.2", "wl", 2, ["a", "b"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("b", "4.16.2"), Spec("a", "4.16.2")], Now);

        var soak = checkedIn.Versions["4.16.2"][new Workload("wl")];
        soak.Reporting.ShouldBe(["a", "b"]);
        soak.SoakDays.ShouldBe(4.0, tolerance: 1e-9);
    }

    [Fact]
    public void ManyClustersOnOneVersion_KnownOnesAccrueOnceEach_NewOnesAppendInOrder()
    {
        var known = Enumerable.Range(0, 500).Select(i => $"k{i}").ToArray();
        var history = Build.History(Now.AddDays(-1), ("4.16.2", "wl", 0, known));
        var specs = known.Concat(Enumerable.Range(0, 500).Select(i => $"n{i}")).Reverse().Select(name => Spec(name, "4.16.2")).ToList();

        var checkedIn = SoakLedger.CheckIn(history, specs, Now);

        var soak = checkedIn.Versions["4.16.2"][new Workload("wl")];
        soak.SoakDays.ShouldBe(500.0, tolerance: 1e-6);
        soak.Reporting.ShouldBe([.. known, .. Enumerable.Range(0, 500).Reverse().Select(i => $"n{i}")]);
    }

    [Fact]
    public void FirstSighting_OfANewVersion_CreatesTheEntryWithZeroDays()
    {
        var history = Build.History(Now.AddDays(-1));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.3")], Now);

        var soak = checkedIn.Versions["4.16.3"][new Workload("wl")];
        soak.SoakDays.ShouldBe(0);
        soak.Reporting.ShouldBe(["a"]);
    }

    [Fact]
    public void FirstEverRun_OnlyRegisters_AndNothingAccrues()
    {
        var history = Build.History(checkIn: null, ("4.16.2", "wl", 4, ["a"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.2"), Spec("b", "4.16.2")], Now);

        checkedIn.CheckIn.ShouldBe(Now);
        checkedIn.SoakDays("4.16.2", new Workload("wl")).ShouldBe(4);
        checkedIn.Versions["4.16.2"][new Workload("wl")].Reporting.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Accrual_IsRetroactiveToTheLastCheckIn_WithoutCap()
    {
        var history = Build.History(Now.AddDays(-40), ("4.16.2", "wl", 1, ["a"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.2")], Now);

        checkedIn.SoakDays("4.16.2", new Workload("wl")).ShouldBe(41, tolerance: 1e-9);
        checkedIn.CheckIn.ShouldBe(Now);
    }

    [Fact]
    public void Accrual_IsElapsedSecondsOver86400()
    {
        var history = Build.History(Now.AddSeconds(-4320), ("4.16.2", "wl", 0, ["a"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.2")], Now);

        checkedIn.SoakDays("4.16.2", new Workload("wl")).ShouldBe(0.05, tolerance: 1e-12);
    }

    [Fact]
    public void ClusterBackOnAnOldVersion_AccruesAtOnce_AndStaysInOldReportingLists()
    {
        var history = Build.History(Now.AddDays(-1), ("4.16.2", "wl", 3, ["a"]), ("4.16.3", "wl", 1, ["a"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.2")], Now);

        checkedIn.SoakDays("4.16.2", new Workload("wl")).ShouldBe(4, tolerance: 1e-9);
        checkedIn.SoakDays("4.16.3", new Workload("wl")).ShouldBe(1);
        checkedIn.Versions["4.16.3"][new Workload("wl")].Reporting.ShouldBe(["a"]);
    }

    // The matrix of reference-behaviour.md 12.4: three clusters on one version, two run
    // workload1 and one workload2, 21 and 6 days before, one day passes.
    [Theory]
    [InlineData(false, false, false, true, 23, 7)]
    [InlineData(true, true, true, false, 23, 7)]
    [InlineData(true, false, true, true, 22, 6)]
    [InlineData(true, true, true, true, 21, 6)]
    public void OnlyEnforcedHealthErrors_StopAccrual(bool unhealthy1, bool unhealthy2, bool unhealthy3, bool enforced, double workload1, double workload2)
    {
        var history = Build.History(Now.AddDays(-1), ("4.12.1", "workload1", 21, ["c1", "c2"]), ("4.12.1", "workload2", 6, ["c3"]));
        HealthError[] Health(bool unhealthy) => unhealthy ? [enforced ? Enforced : NotEnforced] : [];
        var specs = new[]
        {
            Spec("c1", "4.12.1", ["workload1"], Health(unhealthy1)),
            Spec("c2", "4.12.1", ["workload1"], Health(unhealthy2)),
            Spec("c3", "4.12.1", ["workload2"], Health(unhealthy3)),
        };

        var checkedIn = SoakLedger.CheckIn(history, specs, Now);

        checkedIn.SoakDays("4.12.1", new Workload("workload1")).ShouldBe(workload1, tolerance: 1e-9);
        checkedIn.SoakDays("4.12.1", new Workload("workload2")).ShouldBe(workload2, tolerance: 1e-9);
    }

    [Fact]
    public void UnhealthyCluster_IsNotEvenRegistered()
    {
        var checkedIn = SoakLedger.CheckIn(Build.History(Now.AddDays(-1)), [Spec("a", "4.16.2", null, Enforced)], Now);

        checkedIn.Versions.ContainsKey("4.16.2").ShouldBeFalse();
    }

    [Fact]
    public void Stats_AreTheMinimumVersionPerWorkload_CountingUnhealthyClusters()
    {
        var specs = new[]
        {
            Spec("a", "4.16.9", ["w1"]),
            Spec("b", "4.16.2", ["w1", "w2"], Enforced),
            Spec("c", "4.15.30", ["w3"]),
        };

        var checkedIn = SoakLedger.CheckIn(Build.History(Now.AddDays(-1)), specs, Now);

        var stats = checkedIn.Stats.ShouldNotBeNull();
        stats.MinVersion.ShouldBe(V("4.15.30"));
        stats.MinVersionPerWorkload[new Workload("w1")].ShouldBe(V("4.16.2"));
        stats.MinVersionPerWorkload[new Workload("w2")].ShouldBe(V("4.16.2"));
        stats.MinVersionPerWorkload[new Workload("w3")].ShouldBe(V("4.15.30"));
    }

    [Fact]
    public void Stats_WithoutSpecs_AreKept()
    {
        var old = new VersionStats(V("4.14.1"), ImmutableSortedDictionaryOf(("wl", "4.14.1")));
        var history = Build.History(Now.AddDays(-1)) with { Stats = old };

        var checkedIn = SoakLedger.CheckIn(history, [], Now);

        checkedIn.Stats.ShouldBe(old);
        checkedIn.CheckIn.ShouldBe(Now);
    }

    [Fact]
    public void RoundedSoakDays_AreRoundedToTwoDecimals()
    {
        var history = Build.History(Now, ("4.16.2", "wl", 3.256, ["a"]));

        SoakLedger.RoundedSoakDays(history, "4.16.2", new Workload("wl")).ShouldBe(3.26);
        SoakLedger.RoundedSoakDays(history, "4.16.9", new Workload("wl")).ShouldBe(0.0);
    }

    internal static System.Collections.Immutable.ImmutableSortedDictionary<Workload, Aus.Domain.Versions.OpenShiftVersion> ImmutableSortedDictionaryOf(params (string Workload, string Version)[] entries) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(entries.Select(e => KeyValuePair.Create(new Workload(e.Workload), V(e.Version))));
    [Fact]
    public void ClockSteppedBack_AccruesNothing_AndKeepsTheStoredCheckIn()
    {
        var history = Build.History(Now, ("4.16.2", "wl", 3, ["a", "b"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.2"), Spec("b", "4.16.2"), Spec("c", "4.16.2")], Now.AddSeconds(-1));

        var soak = checkedIn.Versions["4.16.2"][new Workload("wl")];
        soak.SoakDays.ShouldBe(3.0);
        soak.Reporting.ShouldBe(["a", "b", "c"]);
        checkedIn.CheckIn.ShouldBe(Now);
    }

    [Fact]
    public void AStoredCheckInDaysInTheFuture_NeverTurnsSoakNegative()
    {
        var history = Build.History(Now.AddDays(30), ("4.16.2", "wl", 1, ["a"]));

        var checkedIn = SoakLedger.CheckIn(history, [Spec("a", "4.16.2")], Now);

        checkedIn.SoakDays("4.16.2", new Workload("wl")).ShouldBe(1.0);
        checkedIn.CheckIn.ShouldBe(Now.AddDays(30));
    }
}
