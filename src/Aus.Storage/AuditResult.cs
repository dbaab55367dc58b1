namespace Aus.Storage;

/// <summary>What became of an action aus decided on.</summary>
public enum AuditResult
{
    /// <summary>The action was carried out in OCM.</summary>
    Succeeded,

    /// <summary>OCM, or the network on the way to it, failed the action.</summary>
    Failed,

    /// <summary>aus decided not to act (for instance a policy error or a safety check) and says why in the reason.</summary>
    Refused,
}
