using System.Collections.Immutable;
using Aus.Application.Forecast;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Versions;
using Aus.Policies.Fleet;

namespace Aus.Cli.Demo;

/// <summary>
/// The forecast the demo prints when the release is published: the same organizations, histories and
/// fleet the first pass sees, the demo's pass interval and upgrade duration, the release offered from
/// the first pass, and the simulator's upgrade graph.
/// </summary>
internal static class DemoForecast
{
    public static Forecast Run(
        DemoSettings settings,
        DemoInputs inputs,
        IReadOnlyList<OrganizationConfig> organizations,
        FleetSnapshot fleet,
        IReadOnlyList<string> channels,
        DateTimeOffset start)
    {
        var passInputs = PassInputs.Build(organizations, new FleetRead(fleet), inputs.Histories, start);
        var release = OpenShiftVersion.Parse(settings.Release);
        var request = new ForecastRequest(passInputs.Request.Organizations, passInputs.Request.Fleet, start, new ForecastRelease(release, start))
        {
            UpgradeDuration = settings.UpgradeDuration,
            Interval = settings.PassInterval,
            Horizon = TimeSpan.FromDays(settings.Days),
            Graph = Graph(inputs, release, channels),
        };
        return ForecastEngine.Run(request);
    }

    /// <summary>
    /// The simulator's releases, with the published one, when its fleet file lists releases: the
    /// simulator then offers from them alone, as the forecast does with a graph. A fleet file without
    /// releases keeps each cluster's stated upgrades (plus what the published release adds, already in
    /// the fleet the first pass reads), which is what the forecast does without a graph; a graph there
    /// would drop the stated upgrades the simulator still offers.
    /// </summary>
    private static ImmutableArray<GraphRelease> Graph(DemoInputs inputs, OpenShiftVersion release, IReadOnlyList<string> channels)
    {
        var listed = FleetReader.Read(inputs.FleetYaml, inputs.FleetSource).Releases;
        if (listed.IsEmpty)
        {
            return [];
        }

        var graph = listed.Select(r => (r.Version, Channels: r.Channels.ToHashSet(StringComparer.Ordinal))).ToList();
        var published = graph.FindIndex(r => r.Version == release);
        if (published < 0)
        {
            graph.Add((release, [.. channels]));
        }
        else
        {
            graph[published].Channels.UnionWith(channels);
        }

        return [.. graph.Select(r => new GraphRelease(r.Version, [.. r.Channels.Order(StringComparer.Ordinal)]))];
    }
}
