using Aus.Domain.Controls;

namespace Aus.Storage.Controls;

/// <summary>
/// The rollout safety controls of the state store: pauses, approvals, halted versions and the
/// failed upgrades that lead to halts, keyed by (OCM environment, organization). Every change is
/// written together with its audit record, in one transaction. Both dialects implement it; get it
/// from an opened store with <see cref="StateStore.Controls"/>.
/// </summary>
public interface IRolloutControlStore
{
    /// <summary>The controls of one organization, or of every organization when <paramref name="organizationId"/> is null.</summary>
    Task<StoredControls> GetControlsAsync(string? environment = null, string? organizationId = null, CancellationToken cancellationToken = default);

    /// <summary>Puts a pause in force, replacing one of the same scope and target (a new reason, a new until).</summary>
    Task PauseAsync(StoredPause pause, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lifts the pause of that scope and target. For a version, also lifts its halt and clears its
    /// recorded failures, so that they no longer count toward a new halt. Returns whether anything
    /// was in force (nothing is written, audit included, when nothing was).
    /// </summary>
    Task<bool> ResumeAsync(
        string environment,
        string organizationId,
        PauseScope scope,
        string? target,
        string resumedBy,
        DateTimeOffset resumedAt,
        CancellationToken cancellationToken = default);

    /// <summary>Approves a version for a sector (again: the note and time are replaced).</summary>
    Task ApproveAsync(StoredApproval approval, CancellationToken cancellationToken = default);

    /// <summary>Records failed upgrades not recorded before (one per cluster and version); returns how many were new.</summary>
    Task<int> RecordFailuresAsync(IReadOnlyList<StoredFailure> failures, CancellationToken cancellationToken = default);

    /// <summary>Halts a version in an organization; returns false when it was halted already (nothing is written then).</summary>
    Task<bool> HaltAsync(StoredHalt halt, CancellationToken cancellationToken = default);
}
