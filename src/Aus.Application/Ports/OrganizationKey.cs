using Aus.Domain.Fleet;

namespace Aus.Application.Ports;

/// <summary>Where an organization's state lives: one per OCM environment and organization.</summary>
public sealed record OrganizationKey(EnvironmentName Environment, OrganizationId OrganizationId)
{
    public override string ToString() => $"{Environment}/{OrganizationId}";
}
