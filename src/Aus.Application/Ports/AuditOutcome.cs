namespace Aus.Application.Ports;

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    Succeeded,
    Failed,
    Refused,
}
