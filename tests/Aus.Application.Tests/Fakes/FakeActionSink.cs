using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Domain.Planning;

namespace Aus.Application.Tests.Fakes;

/// <summary>Applies every action (records it); the clusters named in <see cref="Throwing"/> make it throw.</summary>
internal sealed class FakeActionSink : IActionSink
{
    public List<PlannedAction> Applied { get; } = [];

    public HashSet<string> Throwing { get; } = new(StringComparer.Ordinal);

    public Task<ImmutableArray<ActionResult>> ApplyAsync(IReadOnlyList<PlannedAction> actions, CancellationToken cancellationToken)
    {
        if (actions.FirstOrDefault(a => Throwing.Contains(a.Cluster)) is { } broken)
        {
            throw new InvalidOperationException($"the sink broke on {broken.Cluster}");
        }

        lock (Applied)
        {
            Applied.AddRange(actions);
        }

        return Task.FromResult(actions.Select(a => new ActionResult(a, ActionOutcome.Applied) { OperationId = $"op-{a.Cluster}" }).ToImmutableArray());
    }
}
