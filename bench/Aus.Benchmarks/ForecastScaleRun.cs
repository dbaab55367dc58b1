using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aus.Application.Forecast;
using Aus.Domain.Versions;

namespace Aus.Benchmarks;

/// <summary>
/// Times a 60-day forecast over synthetic fleets (organizations of 100 clusters): the release is a
/// new 4.16 offered an hour after the start. A Stopwatch around ForecastEngine.Run, best of three
/// runs (one from 5,000 clusters on) after a warm-up; the fleet is built beforehand and not timed.
/// The CPU time of the process (user + system, every thread, the GC's too) is taken around each run
/// as well: on a shared machine it hardly depends on the load, where the wall-clock time does.
/// Each line ends with two digests of the forecast (SHA-256, first 12 hex digits): of everything in it
/// but the last decision's sentence of each cluster, and of everything; a faster build must print the
/// same first one, and normally the same second one (see <see cref="Digests"/>).
/// </summary>
internal static class ForecastScaleRun
{
    private static readonly int[] DefaultSizes = [500, 5_000, 50_000];

    public static int Run(string[] sizes)
    {
        var cases = sizes.Length == 0 ? DefaultSizes : [.. sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        Console.WriteLine("clusters  orgs  best (s)  median (s)  best CPU (s)  planned org passes  reached  rollout end (days)  digest        digest (all)  GC of the fastest run (pause, gen0/1/2, allocated)");
        foreach (var clusters in cases)
        {
            var plan = SyntheticFleet.Create(clusters, 100);
            var request = new ForecastRequest(plan.Organizations, plan.Fleet, plan.Now, new ForecastRelease(OpenShiftVersion.Parse("4.16.99"), plan.Now.AddHours(1)));
            var runs = clusters >= 5_000 ? 1 : 3;
            WarmUp();
            ForecastEngine.Run(request with { Horizon = TimeSpan.FromDays(1) });
            var times = new List<double>();
            var cpu = new List<double>();
            var gcPause = new List<double>();
            var collections = new List<(int Gen0, int Gen1, int Gen2)>();
            var allocated = new List<long>();
            Forecast? forecast = null;
            for (var run = 0; run < runs; run++)
            {
                GC.Collect();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var pauseBefore = GC.GetTotalPauseDuration();
                var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                forecast = ForecastEngine.Run(request);
                watch.Stop();
                times.Add(watch.Elapsed.TotalSeconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
                gcPause.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds);
                collections.Add((GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2));
                allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
            }

            var fastest = times.IndexOf(times.Min());
            var gc = string.Create(CultureInfo.InvariantCulture, $"{gcPause[fastest]:F2} s GC pause, {collections[fastest].Gen0}/{collections[fastest].Gen1}/{collections[fastest].Gen2} collections, {allocated[fastest] / 1e9:F1} GB allocated");
            times.Sort();
            cpu.Sort();
            var reached = forecast!.Organizations.Sum(o => o.Reached);
            var end = forecast.Organizations.All(o => o.RolloutEnd is not null)
                ? (forecast.Organizations.Max(o => o.RolloutEnd)!.Value - forecast.Now).TotalDays.ToString("F1", CultureInfo.InvariantCulture)
                : "beyond";
            var (digest, all) = Digests(forecast);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{clusters,8}  {request.Organizations.Length,4}  {times[0],8:F2}  {times[times.Count / 2],10:F2}  {cpu[0],12:F2}  {forecast.PlannedPasses,18}  {reached,7}  {end,18}  {digest}  {all}  {gc}"));
        }

        return 0;
    }

    /// <summary>
    /// Runs a whole 60-day forecast of a small fleet first, so that the measured runs time the code the
    /// runtime settles on (tiered, profile-guided compilation) rather than its first, slower versions.
    /// </summary>
    private static void WarmUp()
    {
        var plan = SyntheticFleet.Create(500, 100);
        ForecastEngine.Run(new ForecastRequest(plan.Organizations, plan.Fleet, plan.Now, new ForecastRelease(OpenShiftVersion.Parse("4.16.99"), plan.Now.AddHours(1))));
    }

    /// <summary>
    /// Digests of what the forecast says: without and with the sentence of each cluster's last
    /// decision. That sentence is the planner's at the last pass the forecast planned the cluster's
    /// organization, so it may name a soak total of an earlier pass when fewer passes are planned;
    /// every other field must not change.
    /// </summary>
    private static (string Digest, string All) Digests(Forecast forecast)
    {
        var text = new StringBuilder();
        var last = new StringBuilder();
        foreach (var c in forecast.Clusters)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.OrgId}/{c.Name} {c.Version} {c.Outcome} {c.Start:O} {c.Completion:O} {c.TargetVersion} {c.LastCondition?.Reason}\n");
            foreach (var u in c.Upgrades)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {u.Kind} {u.NodePool} {u.Version} {u.Created:O} {u.Start:O} {u.Completion:O}\n");
            }

            foreach (var h in c.Conditions)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {h.Reason} {h.Duration} {h.Detail}\n");
            }

            last.Append(CultureInfo.InvariantCulture, $"{c.OrgId}/{c.Name} {c.LastCondition?.Detail}\n");
        }

        foreach (var o in forecast.Organizations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{o.OrgId} {o.Name} {o.Clusters} {o.Reached} {o.RolloutEnd:O} {o.IsInvalid}\n");
        }

        var digest = Hash(text.ToString());
        return (digest, Hash(digest + last));
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant();
}
