namespace Aus.Ocm.Actions;

/// <summary>What became of one planned action.</summary>
public enum OcmActionOutcome
{
    /// <summary>OCM accepted it.</summary>
    Applied,

    /// <summary>OCM answered with an error (see the result's error fields); nothing changed.</summary>
    Refused,

    /// <summary>
    /// An attempt had an unknown outcome (timeout, dropped connection, 5xx) and reading the cluster
    /// again showed OCM already has it (a policy, the agreement, the channel): nothing more was sent.
    /// </summary>
    AlreadyPresent,

    /// <summary>OCM could not be reached, or the outcome stayed unknown after the allowed attempts.</summary>
    Failed,

    /// <summary>Dry run: nothing was sent.</summary>
    DryRun,
}
