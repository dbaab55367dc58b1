using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Aus.Domain.Planning;

namespace Aus.Benchmarks;

/// <summary>
/// Times the planner in memory on fleets of growing size, and on large organizations, to show that
/// the cost per cluster stays flat. A Stopwatch around FleetPlanner.Plan, best of a few runs after a
/// warm-up; the fleet is built beforehand and not timed. The process's CPU time (user + system,
/// every thread, the collector's too) is taken around each run as well: on a shared machine it
/// hardly depends on the load, where the wall-clock time does.
/// </summary>
internal static class ScaleRun
{
    private static readonly (int Clusters, int PerOrganization)[] DefaultCases =
    [
        (10_000, 100),
        (100_000, 100),
        (1_000_000, 100),
        (10_000, 10_000),
        (100_000, 10_000),
    ];

    /// <summary>Sizes are "clusters" (organizations of 100) or "clusters/perOrganization".</summary>
    /// <param name="includeReport">Plan with the fleet report's rows, as `aus serve` does for its dashboard.</param>
    public static int Run(string[] sizes, bool includeReport = false)
    {
        var cases = sizes.Length == 0 ? DefaultCases : [.. sizes.Select(ParseCase)];
        Console.WriteLine($"report rows: {(includeReport ? "yes" : "no")}");
        Console.WriteLine($"GC: {GcMode()}");
        Console.WriteLine("clusters  orgs  per org  best (ms)  median (ms)  best CPU (ms)  µs/cluster  GC pause (ms)  alloc (MB)  gen0/1/2 per run  actions");
        foreach (var (clusters, perOrganization) in cases)
        {
            var request = SyntheticFleet.Create(clusters, perOrganization) with { IncludeReport = includeReport };
            var runs = clusters >= 1_000_000 ? 3 : 7;
            WarmUp(request);
            var times = new List<double>();
            var cpu = new List<double>();
            long allocated = 0;
            int gen0 = 0, gen1 = 0, gen2 = 0, actions = 0;
            var pause = TimeSpan.Zero;
            for (var run = 0; run < runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var before = GC.GetAllocatedBytesForCurrentThread();
                var pausedBefore = GC.GetTotalPauseDuration();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var plan = FleetPlanner.Plan(request);
                watch.Stop();
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                pause += GC.GetTotalPauseDuration() - pausedBefore;
                gen0 += GC.CollectionCount(0) - g0;
                gen1 += GC.CollectionCount(1) - g1;
                gen2 += GC.CollectionCount(2) - g2;
                times.Add(watch.Elapsed.TotalMilliseconds);
                actions = plan.Organizations.Sum(o => o.Actions.Length);
            }

            times.Sort();
            cpu.Sort();
            var best = times[0];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{clusters,8}  {request.Organizations.Length,4}  {perOrganization,7}  {best,9:F0}  {times[times.Count / 2],11:F0}  {cpu[0],13:F0}  {best * 1000 / clusters,10:F2}  {pause.TotalMilliseconds / runs,13:F0}  {allocated / 1e6,10:F0}  {(double)gen0 / runs,5:F1}/{(double)gen1 / runs:F1}/{(double)gen2 / runs:F1}  {actions,7}"));
        }

        return 0;
    }

    /// <summary>Plans the same fleet again and again, for perf or another sampling profiler.</summary>
    /// <param name="includeReport">Plan with the fleet report's rows, as `aus serve` does for its dashboard.</param>
    public static int Profile(int clusters, int perOrganization, int runs, bool includeReport = false)
    {
        var request = SyntheticFleet.Create(clusters, perOrganization) with { IncludeReport = includeReport };
        WarmUp(request);
        using var sampler = new AllocationSampler();
        var watch = Stopwatch.StartNew();
        for (var run = 0; run < runs; run++)
        {
            FleetPlanner.Plan(request);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} runs of {clusters} clusters: {watch.Elapsed.TotalMilliseconds / runs:F0} ms each"));
        Console.WriteLine("allocated per run, sampled by type:");
        foreach (var (type, bytes) in sampler.Top(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / runs / 1e6,8:F1} MB  {type}"));
        }
        return 0;
    }

    /// <summary>Runs until the hot methods have been recompiled at the top tier (a few runs and a second or two).</summary>
    private static void WarmUp(PlanRequest request)
    {
        var watch = Stopwatch.StartNew();
        for (var run = 0; run < 5 || watch.Elapsed < TimeSpan.FromSeconds(2); run++)
        {
            FleetPlanner.Plan(request);
        }
    }

    /// <summary>
    /// The collector's settings, which the figures depend on: a concurrent (background) workstation
    /// collector, the default, keeps its first generation small, so a plan's survivors are copied
    /// in several collections during the call; a non-concurrent one lets the first generation grow
    /// and may not collect during the call at all (`DOTNET_gcConcurrent=0`).
    /// </summary>
    private static string GcMode() =>
        $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}";

    private static (int, int) ParseCase(string text)
    {
        var parts = text.Split('/');
        var clusters = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (clusters, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 100);
    }
}
