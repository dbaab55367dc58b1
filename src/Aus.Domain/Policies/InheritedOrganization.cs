namespace Aus.Domain.Policies;

/// <summary>An organization whose soak data this one counts (inheritVersionData).</summary>
public sealed record InheritedOrganization(string OrgId, string? Name);
