using Aus.Domain.Planning;
using BenchmarkDotNet.Attributes;

namespace Aus.Benchmarks;

/// <summary>The planner in memory, on fleets of growing size in organizations of 100 clusters.</summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private PlanRequest _request = null!;

    [Params(10_000, 100_000)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup() => _request = SyntheticFleet.Create(Clusters, 100, new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Benchmark]
    public FleetPlan Plan() => FleetPlanner.Plan(_request);
}
