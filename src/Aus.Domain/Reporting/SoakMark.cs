namespace Aus.Domain.Reporting;

/// <summary>How the fleet report marks a version in soaking_upgrades.</summary>
public enum SoakMark
{
    None,

    /// <summary>🎉: the version aus would upgrade to.</summary>
    Ready,

    /// <summary>⏰: an upgrade policy for it starts in the future.</summary>
    Scheduled,

    /// <summary>💫: an upgrade policy for it has started (or has no next run).</summary>
    Upgrading,

    /// <summary>💫 with a warning: the upgrade started more than 6 hours ago.</summary>
    LongUpgrade,
}
