using System.Diagnostics;
using System.Globalization;
using Aus.Domain.Planning;
using Aus.Policies.Fleet;
using Aus.Policies.History;
using Aus.Policies.Organizations;

namespace Aus.Benchmarks;

/// <summary>
/// `aus plan` end to end: writes a synthetic fleet as files (organizations of 100 clusters, a fleet
/// snapshot, a history each) into a temporary directory, then runs the built aus.dll as a child
/// process (`dotnet aus.dll plan ...`) and times it from start to exit, process start, parsing,
/// planning, JSON output and history writing included. The readers and the planner are also timed
/// in this process, to show where the time goes.
/// </summary>
internal static class E2eRun
{
    private const string Now = "2026-11-23T12:00:00Z";

    public static async Task<int> RunAsync(int clusters, string? ausDll)
    {
        // The benchmark project references Aus.Cli, so its aus.dll (with aus.runtimeconfig.json) sits next to this one.
        var dll = Path.GetFullPath(ausDll ?? Path.Combine(AppContext.BaseDirectory, "aus.dll"));
        if (!File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"{dll} not found: build bench/Aus.Benchmarks in Release, or name aus.dll after the size");
            return 2;
        }

        var directory = Directory.CreateTempSubdirectory("aus-e2e-");
        try
        {
            var fleet = SyntheticFleet.Build(clusters, 100);
            var files = FleetFiles.Write(fleet, directory.FullName);
            var orgBytes = Directory.EnumerateFiles(files.OrganizationsDirectory).Sum(f => new FileInfo(f).Length);
            var historyBytes = files.Histories.Values.Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{fleet.ClusterCount} clusters in {fleet.Organizations.Length} organizations; files: organizations {orgBytes / 1e6:F2} MB, fleet {new FileInfo(files.FleetFile).Length / 1e6:F2} MB, histories {historyBytes / 1e6:F2} MB"));

            await InProcessAsync(files);

            List<string> arguments =
            [
                dll, "plan", "--config", files.OrganizationsDirectory, "--fleet", files.FleetFile, "--now", Now, "--output", "json",
                .. files.Histories.SelectMany(h => new[] { "--history", $"{h.Key}={h.Value}" }),
                .. files.Histories.Keys.SelectMany(orgId => new[] { "--history-out", $"{orgId}={Path.Combine(files.HistoryOutDirectory, orgId + ".json")}" }),
            ];
            var startup = await TimeChildAsync([dll, "--help"], runs: 5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"child process `dotnet aus.dll --help` (start-up floor): best {startup.Best:F0} ms, median {startup.Median:F0} ms"));
            var plan = await TimeChildAsync(arguments, runs: 7);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"child process `dotnet aus.dll plan --output json ...`: best {plan.Best:F0} ms, median {plan.Median:F0} ms ({plan.OutputBytes / 1e6:F2} MB of plan JSON)"));
            return 0;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("AUS_E2E_KEEP") is null)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                Console.WriteLine($"files kept in {directory.FullName}");
            }
        }
    }

    /// <summary>Reads a fleet file over and over, for a profiler to sample the reader.</summary>
    public static Task<int> ProfileFleetFileAsync(string file, int runs) =>
        ProfileReadsAsync(runs, async () => (await FleetReader.ReadFileAsync(file, CancellationToken.None)).Diagnostics.Length);

    /// <summary>Reads the organization files of a directory over and over, for a profiler to sample the reader.</summary>
    public static Task<int> ProfileOrganizationFilesAsync(string directory, int runs) =>
        ProfileReadsAsync(runs, async () =>
        {
            var diagnostics = 0;
            foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                diagnostics += (await OrganizationReader.ReadFileAsync(file, CancellationToken.None)).Diagnostics.Length;
            }

            return diagnostics;
        });

    private static async Task<int> ProfileReadsAsync(int runs, Func<Task<int>> read)
    {
        using var sampler = new AllocationSampler();
        for (var run = 0; run < runs; run++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var diagnostics = await read();
            var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMilliseconds:F0} ms, {megabytes:F1} MB allocated, {diagnostics} diagnostics"));
        }

        Console.WriteLine("allocated per run, sampled by type:");
        foreach (var (type, bytes) in sampler.Top(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / runs / 1e6,8:F1} MB  {type}"));
        }

        return 0;
    }

    /// <summary>The readers and the planner in this process: the first (cold) run and the best of three more.</summary>
    private static async Task InProcessAsync(FleetFiles.Written files)
    {
        Console.WriteLine("in process           organizations  fleet  histories  plan  (ms)");
        for (var run = 0; run < 4; run++)
        {
            var watch = Stopwatch.StartNew();
            var organizations = new List<OrganizationInput>();
            foreach (var file in Directory.EnumerateFiles(files.OrganizationsDirectory).Order(StringComparer.Ordinal))
            {
                var document = await OrganizationReader.ReadFileAsync(file, CancellationToken.None);
                organizations.Add(new OrganizationInput { Policy = document.Policy!, ClusterNames = document.ClusterNames });
            }

            var readOrganizations = watch.Elapsed.TotalMilliseconds;
            var fleet = await FleetReader.ReadFileAsync(files.FleetFile, CancellationToken.None);
            var readFleet = watch.Elapsed.TotalMilliseconds;
            var histories = new Dictionary<string, Aus.Domain.History.VersionHistory>(StringComparer.Ordinal);
            foreach (var (orgId, file) in files.Histories)
            {
                histories[orgId] = (await HistoryReader.ReadFileAsync(file, CancellationToken.None)).History!;
            }

            var readHistories = watch.Elapsed.TotalMilliseconds;
            var request = new PlanRequest([.. organizations.Select(o => o with { History = histories[o.Policy.OrgId.Value] })], fleet.Snapshot!, DateTimeOffset.Parse(Now, CultureInfo.InvariantCulture));
            FleetPlanner.Plan(request);
            var planned = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{(run == 0 ? "cold (first run)" : "warm"),-20} {readOrganizations,13:F0}  {readFleet - readOrganizations,5:F0}  {readHistories - readFleet,9:F0}  {planned - readHistories,4:F0}"));
        }
    }

    private static async Task<(double Best, double Median, long OutputBytes)> TimeChildAsync(IReadOnlyList<string> arguments, int runs)
    {
        var times = new List<double>();
        long outputBytes = 0;
        for (var run = 0; run < runs; run++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            watch.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"aus exited with {process.ExitCode}: {await stderr}");
            }

            outputBytes = (await stdout).Length;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[0], times[times.Count / 2], outputBytes);
    }
}
