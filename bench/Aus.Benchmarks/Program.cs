using System.Globalization;
using Aus.Benchmarks;
using BenchmarkDotNet.Running;

// `scale` times the planner in memory on growing fleets (`scale-report` with the report rows); `e2e [clusters [aus.dll]]` times the real
// `aus plan` on files; `ocm-pass [--addons v1|v2]` times a pass against the OCM simulator (with
// add-ons, two a cluster); `label-discovery` counts the requests of the label flavour's discovery;
// `profile` plans one fleet over and over for a profiler to sample (`profile-report` with the rows; `profile-fleet-file FILE RUNS` and
// `profile-organizations DIR RUNS` read files of `e2e` over and over, with allocations by type); `forecast [clusters...]` times a
// 60-day forecast; anything else hands over to BenchmarkDotNet.
return args switch
{
    ["scale", .. var sizes] => ScaleRun.Run(sizes),
    ["scale-report", .. var sizes] => ScaleRun.Run(sizes, includeReport: true),
    ["forecast", .. var sizes] => ForecastScaleRun.Run(sizes),
    ["profile", var clusters, var perOrganization, var runs] => ScaleRun.Profile(Number(clusters), Number(perOrganization), Number(runs)),
    ["profile-report", var clusters, var perOrganization, var runs] => ScaleRun.Profile(Number(clusters), Number(perOrganization), Number(runs), includeReport: true),
    ["profile-fleet-file", var file, var runs] => await E2eRun.ProfileFleetFileAsync(file, Number(runs)),
    ["profile-organizations", var directory, var runs] => await E2eRun.ProfileOrganizationFilesAsync(directory, Number(runs)),
    ["e2e"] => await E2eRun.RunAsync(5_000, ausDll: null),
    ["e2e", var clusters] => await E2eRun.RunAsync(Number(clusters), ausDll: null),
    ["e2e", var clusters, var ausDll] => await E2eRun.RunAsync(Number(clusters), ausDll),
    ["ocm-pass", ..] => await OcmPassAsync(args),
    ["label-discovery"] => await LabelDiscoveryCount.RunAsync(5_000, 50),
    ["label-discovery", var clusters, var organizations] => await LabelDiscoveryCount.RunAsync(Number(clusters), Number(organizations)),
    _ => RunBenchmarkDotNet(args),
};

static async Task<int> OcmPassAsync(string[] args)
{
    // ocm-pass [--addons v1|v2] [clusters] [organizations] [latency-ms] [path to aus.dll]
    string? addonService = null;
    if (args.Length > 2 && args[1] == "--addons")
    {
        addonService = args[2];
        args = [args[0], .. args[3..]];
    }

    var clusters = args.Length > 1 ? Number(args[1]) : 5_000;
    var organizations = args.Length > 2 ? Number(args[2]) : 50;
    var latency = args.Length > 3 ? Number(args[3]) : 20;
    var ausDll = args.Length > 4 ? args[4] : Path.Combine(AppContext.BaseDirectory, "aus.dll");
    return await OcmPassBenchmark.RunAsync(clusters, organizations, latency, ausDll, addonService);
}

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args);
    return 0;
}

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
