namespace Aus.Storage.Controls;

/// <summary>A version halted in an organization after failed upgrades, with the reason in words.</summary>
public sealed record StoredHalt(string Environment, string OrganizationId, string Version, string? Reason, DateTimeOffset HaltedAt);
