namespace Aus.Application.Safety;

/// <summary>
/// A failure the store already holds. <see cref="Cleared"/> marks one that `aus resume --version`
/// forgave: it no longer counts toward a halt, and seeing it again in OCM does not make it new.
/// </summary>
public sealed record RecordedFailure(UpgradeFailure Failure, bool Cleared);
