using Aus.Domain.Planning;
using BenchmarkDotNet.Attributes;

namespace Aus.Benchmarks;

/// <summary>The planner in memory: fleets of growing size in organizations of 100, and one organization of 10,000.</summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private PlanRequest _request = null!;

    [Params("10000/100", "100000/100", "10000/10000")]
    public string Fleet { get; set; } = "10000/100";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Fleet.Split('/');
        _request = SyntheticFleet.Create(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Benchmark]
    public FleetPlan Plan() => FleetPlanner.Plan(_request);
}
