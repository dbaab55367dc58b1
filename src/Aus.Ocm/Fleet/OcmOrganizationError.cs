using Aus.Domain.Fleet;

namespace Aus.Ocm.Fleet;

/// <summary>Why one organization could not be read; the other organizations of the pass are unaffected.</summary>
public sealed record OcmOrganizationError(OrganizationId OrgId, string Message);
