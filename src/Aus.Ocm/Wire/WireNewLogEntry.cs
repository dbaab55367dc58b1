namespace Aus.Ocm.Wire;

internal sealed record WireNewLogEntry(string ClusterUuid, string ServiceName, string Summary, string Description, string Severity);
