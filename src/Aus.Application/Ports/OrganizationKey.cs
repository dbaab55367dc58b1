namespace Aus.Application.Ports;

/// <summary>Where an organization's state lives: one per OCM environment and organization.</summary>
public sealed record OrganizationKey(string Environment, string OrganizationId)
{
    public override string ToString() => $"{Environment}/{OrganizationId}";
}
