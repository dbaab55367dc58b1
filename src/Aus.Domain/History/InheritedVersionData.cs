using Aus.Domain.Fleet;

namespace Aus.Domain.History;

/// <summary>Version data of another organization, as this one inherits it.</summary>
public sealed record InheritedVersionData(EnvironmentName Environment, OrganizationId OrgId, VersionHistory History);
