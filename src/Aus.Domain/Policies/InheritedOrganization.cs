using Aus.Domain.Fleet;

namespace Aus.Domain.Policies;

/// <summary>An organization whose soak data this one counts (inheritVersionData).</summary>
public sealed record InheritedOrganization(OrganizationId OrgId, string? Name);
