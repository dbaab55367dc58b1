namespace Aus.Ocm;

/// <summary>How many HTTP calls went to one endpoint and ended with one status ("200", "503", "no-response").</summary>
public sealed record OcmCallCount(string Endpoint, string Status, int Count);
