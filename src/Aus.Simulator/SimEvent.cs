namespace Aus.Simulator;

/// <summary>One transition the virtual clock caused, for logs and the clock endpoints' answers.</summary>
public sealed record SimEvent(DateTimeOffset At, string ClusterId, string ClusterName, string PolicyId, string Kind, string? NodePoolId, string Version, string State);
