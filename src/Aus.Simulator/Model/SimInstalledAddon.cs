namespace Aus.Simulator.Model;

/// <summary>An add-on installed on a cluster: its version and installation state (ready, installing, ...).</summary>
internal sealed class SimInstalledAddon
{
    public required string Id { get; init; }

    public required string Version { get; set; }

    public string State { get; set; } = "ready";
}
