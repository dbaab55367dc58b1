using System.Globalization;
using Aus.Benchmarks;
using BenchmarkDotNet.Running;

// `scale` times the planner in memory on growing fleets, `e2e [clusters [aus.dll]]` times the real
// `aus plan` on files,
// `profile` plans one fleet over and over for a profiler to sample; anything else hands over to
// BenchmarkDotNet.
return args switch
{
    ["scale", .. var sizes] => ScaleRun.Run(sizes),
    ["profile", var clusters, var perOrganization, var runs] => ScaleRun.Profile(Number(clusters), Number(perOrganization), Number(runs)),
    ["profile-fleet-file", var file, var runs] => await E2eRun.ProfileFleetFileAsync(file, Number(runs)),
    ["e2e"] => await E2eRun.RunAsync(5_000, ausDll: null),
    ["e2e", var clusters] => await E2eRun.RunAsync(Number(clusters), ausDll: null),
    ["e2e", var clusters, var ausDll] => await E2eRun.RunAsync(Number(clusters), ausDll),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args);
    return 0;
}

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
