namespace Aus.Domain.Policies;

/// <summary>How many failed upgrades to one version halt that version in the organization.</summary>
public sealed record HaltOnFailure(int FailedUpgrades);
