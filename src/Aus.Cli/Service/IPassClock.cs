namespace Aus.Cli.Service;

/// <summary>Where a pass takes its `now` from: the service's TimeProvider, or the OCM simulator's virtual clock.</summary>
internal interface IPassClock
{
    Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken);
}
