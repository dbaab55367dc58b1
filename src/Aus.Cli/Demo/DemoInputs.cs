using System.Reflection;
using Aus.Domain.History;
using Aus.Policies.History;
using Aus.Policies.Organizations;

namespace Aus.Cli.Demo;

/// <summary>
/// What the demo runs on: organization files, the fleet that seeds the simulator and the soak
/// histories to start from. Without --config/--fleet these are the sectors example (with --addons,
/// the sectors example with two add-ons, on the same soak history), built into the executable so
/// that the demo also works from an installed tool, far from a clone.
/// </summary>
internal sealed record DemoInputs(IReadOnlyList<OrganizationDocument> Documents, string FleetYaml, string FleetSource, IReadOnlyDictionary<string, VersionHistory> Histories)
{
    private const string ResourcePrefix = "Aus.Cli.Demo.";

    public static async Task<(DemoInputs? Inputs, int ExitCode)> LoadAsync(DemoSettings settings, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (settings.UsesBundledExample)
        {
            if (settings.HistoryPaths.Count > 0)
            {
                await stderr.WriteLineAsync("aus: error: --history goes with --config and --fleet; the built-in example brings its own history");
                return (null, ExitCodes.Usage);
            }

            var example = settings.Addons ? "sectors-addons" : "sectors";
            var document = OrganizationReader.Read(Resource($"{example}-org.yaml"), $"{example}-org.yaml (built in)");
            var history = VersionHistoryJson.Read(Resource("sectors-history.json"), out var problems)
                ?? throw new InvalidOperationException("the built-in sectors history is invalid: " + string.Join("; ", problems));
            var histories = new Dictionary<string, VersionHistory>(StringComparer.Ordinal) { [document.Policy!.OrgId.Value] = history };
            return (new DemoInputs([document], Resource($"{example}-fleet.yaml"), $"{example}-fleet.yaml (built in)", histories), ExitCodes.Success);
        }

        if (settings.ConfigPaths.Count == 0 || settings.FleetPath is null)
        {
            await stderr.WriteLineAsync("aus: error: --config and --fleet go together: the organization files and the fleet that seeds the simulator");
            return (null, ExitCodes.Usage);
        }

        var (documents, exitCode) = await InputFiles.LoadOrganizationsAsync(settings.ConfigPaths, stderr, cancellationToken);
        if (documents is null)
        {
            return (null, exitCode);
        }

        if (documents.Any(d => d.HasErrors))
        {
            await stderr.WriteLineAsync("aus: error: the organization files have errors (above); aus would not act on them, so there is nothing to show");
            return (null, ExitCodes.Invalid);
        }

        if (settings.Addons && !documents.Any(d => d.Policy!.AddonManagedUpgrades))
        {
            await stderr.WriteLineAsync("aus: error: --addons: none of the organization files manages add-on upgrades (addonManagedUpgrades: true), so there is no add-on rollout to show");
            return (null, ExitCodes.Usage);
        }

        var orgIds = documents.Select(d => d.Policy!.OrgId.Value).ToList();
        var (loaded, historyExit) = await InputFiles.ReadHistoriesAsync(settings.HistoryPaths, orgIds, "--history", now: null, stderr, cancellationToken);
        if (loaded is null)
        {
            return (null, historyExit);
        }

        string fleet;
        try
        {
            fleet = await File.ReadAllTextAsync(settings.FleetPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"aus: error: {settings.FleetPath}: cannot read the fleet file: {e.Message}");
            return (null, ExitCodes.Usage);
        }

        return (new DemoInputs(documents, fleet, settings.FleetPath, loaded), ExitCodes.Success);
    }

    /// <summary>
    /// The first pass's time: as asked, else the latest check-in (so no soak time is invented), else the
    /// current hour; with add-ons, 5 minutes before the hour instead, so that hourly passes see the
    /// full-hour slots of the example's schedules within the 10-minute add-on window.
    /// </summary>
    public DateTimeOffset StartTime(DemoSettings settings, TimeProvider time)
    {
        if (settings.Start is { } start)
        {
            return start;
        }

        var lead = settings.Addons ? AddonLead : TimeSpan.Zero;
        var checkIns = Histories.Values.Where(h => h.CheckIn is not null).Select(h => h.CheckIn!.Value.ToUniversalTime()).ToList();
        if (checkIns.Count > 0)
        {
            return RoundUpToHour(checkIns.Max() + lead) - lead;
        }

        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero) + (settings.Addons ? TimeSpan.FromHours(1) - lead : TimeSpan.Zero);
    }

    /// <summary>How long before a full hour the passes of an add-on demo run.</summary>
    private static readonly TimeSpan AddonLead = TimeSpan.FromMinutes(5);

    private static DateTimeOffset RoundUpToHour(DateTimeOffset time)
    {
        var hour = new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, 0, 0, TimeSpan.Zero);
        return hour == time ? hour : hour.AddHours(1);
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"the built-in example {name} is missing from the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
