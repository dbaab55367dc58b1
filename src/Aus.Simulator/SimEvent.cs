namespace Aus.Simulator;

/// <summary>One transition the virtual clock caused, for logs and the clock endpoints' answers.</summary>
public sealed record SimEvent(DateTimeOffset At, string ClusterId, string ClusterName, string PolicyId, string Kind, string? NodePoolId, string Version, string State)
{
    /// <summary>The add-on upgraded, for an event of kind "addon".</summary>
    public string? AddonId { get; init; }
}
