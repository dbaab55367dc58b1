namespace Aus.Cli.Demo;

/// <summary>How `aus demo` runs. The defaults show the bundled sectors example at a pace a person can follow.</summary>
internal sealed record DemoSettings
{
    public const string DefaultRelease = "4.16.10";

    /// <summary>Simulated hours per real second by default: the bundled rollout takes about a minute.</summary>
    public const double DefaultSpeed = 2;

    /// <summary>The add-on versions OCM publishes at the start of the built-in add-on example.</summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltInAddonVersions = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["addon-logging"] = "5.8.3",
        ["addon-metrics"] = "1.5.0",
    };

    /// <summary>
    /// Show the add-on rollout too: the built-in example becomes the sectors example with two add-ons,
    /// whose new versions OCM publishes at the start; with --config, some organization must manage add-on upgrades.
    /// </summary>
    public bool Addons { get; init; }

    /// <summary>The user's organization files; empty: the bundled sectors example.</summary>
    public IReadOnlyList<string> ConfigPaths { get; init; } = [];

    /// <summary>The user's fleet snapshot; null: the bundled one.</summary>
    public string? FleetPath { get; init; }

    /// <summary>[ORGID=]FILE soak histories to start from (with --config); the bundled example brings its own.</summary>
    public IReadOnlyList<string> HistoryPaths { get; init; } = [];

    /// <summary>The release published at the start, whose rollout the demo follows.</summary>
    public string Release { get; init; } = DefaultRelease;

    /// <summary>The channels the release is published in; empty: stable-MAJOR.MINOR of the release.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Simulated time between two reconcile passes.</summary>
    public TimeSpan PassInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Simulated time from an upgrade's start to its completion.</summary>
    public TimeSpan UpgradeDuration { get; init; } = TimeSpan.FromMinutes(90);

    /// <summary>Simulated hours per real second; 0 runs the passes back to back.</summary>
    public double Speed { get; init; } = DefaultSpeed;

    /// <summary>The horizon: the demo stops after this many simulated days even if the fleet has not converged.</summary>
    public double Days { get; init; } = 30;

    /// <summary>Virtual time of the first pass; null: the latest history check-in, else the current hour.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Where to write the fleet report (markdown) at the end, if anywhere.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Where the demo posts its notifications as CloudEvents (unsigned), if anywhere.</summary>
    public Uri? NotifyUrl { get; init; }

    public bool UsesBundledExample => ConfigPaths.Count == 0 && FleetPath is null;

    /// <summary>The real pause between two passes.</summary>
    public TimeSpan PassPause => Speed <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(PassInterval.TotalHours / Speed);
}
