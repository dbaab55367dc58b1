namespace Aus.Storage.Controls;

/// <summary>An approval of a version for a sector, with who gave it, when, and an optional note.</summary>
public sealed record StoredApproval(
    string Environment,
    string OrganizationId,
    string Sector,
    string Version,
    string? Note,
    string ApprovedBy,
    DateTimeOffset ApprovedAt);
