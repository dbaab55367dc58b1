namespace Aus.Domain.Fleet;

/// <summary>An add-on installed on a cluster, as OCM reports it: its id, version and state.</summary>
public sealed record InstalledAddon(string Id, string Version, string State)
{
    /// <summary>The state of an installed add-on that aus schedules upgrades for.</summary>
    public const string ReadyState = "ready";

    public bool IsReady => string.Equals(State, ReadyState, StringComparison.Ordinal);
}
