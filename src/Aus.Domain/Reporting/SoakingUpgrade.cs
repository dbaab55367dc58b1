namespace Aus.Domain.Reporting;

/// <summary>One available upgrade of a cluster in the fleet report, with its soak days (the lowest over the cluster's workloads) and, once its upgrade started, how many hours ago.</summary>
public sealed record SoakingUpgrade(string Version, double SoakDays, SoakMark Mark, double? StartedHoursAgo = null);
