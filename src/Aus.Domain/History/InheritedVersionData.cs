namespace Aus.Domain.History;

/// <summary>Version data of another organization, as this one inherits it.</summary>
public sealed record InheritedVersionData(string Environment, string OrgId, VersionHistory History);
