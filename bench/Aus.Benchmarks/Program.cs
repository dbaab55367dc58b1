using System.Diagnostics;
using System.Globalization;
using Aus.Benchmarks;
using Aus.Domain.Planning;
using BenchmarkDotNet.Running;

// `scale` times the planner on 10k, 100k and 1M clusters (best of a few runs) to show how it grows;
// anything else hands over to BenchmarkDotNet.
if (args is ["scale", ..])
{
    var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    int[] sizes = args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [10_000, 100_000, 1_000_000];
    Console.WriteLine("clusters   organizations  best (ms)  per cluster (µs)  actions");
    foreach (var size in sizes)
    {
        var request = SyntheticFleet.Create(size, 100, now);
        var best = double.MaxValue;
        var actions = 0;
        for (var run = 0; run < (size >= 1_000_000 ? 2 : 5); run++)
        {
            var watch = Stopwatch.StartNew();
            var plan = FleetPlanner.Plan(request);
            watch.Stop();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            actions = plan.Organizations.Sum(o => o.Actions.Length);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,9}  {request.Organizations.Length,13}  {best,9:F0}  {best * 1000 / size,16:F2}  {actions,7}"));
    }

    return 0;
}

if (args is ["ocm-pass", ..])
{
    // ocm-pass [clusters] [organizations] [latency-ms] [path to aus.dll]
    var clusters = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
    var organizations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
    var latency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
    var ausDll = args.Length > 4 ? args[4] : Path.Combine(AppContext.BaseDirectory, "aus.dll");
    return await OcmPassBenchmark.RunAsync(clusters, organizations, latency, ausDll);
}

BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args);
return 0;
