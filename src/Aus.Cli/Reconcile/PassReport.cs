using System.Collections.Immutable;
using Aus.Ocm;

namespace Aus.Cli.Reconcile;

/// <summary>The outcome of one reconcile pass over every organization.</summary>
internal sealed record PassReport(DateTimeOffset Now, ImmutableArray<OrganizationOutcome> Organizations, OcmCallCounts Calls, TimeSpan Duration)
{
    public bool Failed => Organizations.Any(o => o.Failed);
}
