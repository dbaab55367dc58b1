namespace Aus.Application.Ports;

/// <summary>What became of one planned action.</summary>
public enum ActionOutcome
{
    /// <summary>Carried out.</summary>
    Applied,

    /// <summary>Refused (OCM answered with an error); nothing changed.</summary>
    Refused,

    /// <summary>An attempt had an unknown outcome and a second look found it already done.</summary>
    AlreadyPresent,

    /// <summary>Could not be carried out, or its outcome stayed unknown.</summary>
    Failed,

    /// <summary>Dry run: nothing was sent.</summary>
    DryRun,
}
