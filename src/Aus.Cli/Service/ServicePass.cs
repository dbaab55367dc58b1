using System.Collections.Immutable;
using Aus.Application.Reconcile;
using Aus.Ocm;

namespace Aus.Cli.Service;

/// <summary>One pass of the service over every environment: the organizations' outcomes and the OCM calls made.</summary>
internal sealed record ServicePass(DateTimeOffset Now, ImmutableArray<OrganizationOutcome> Organizations, OcmCallCounts Calls, TimeSpan Duration)
{
    /// <summary>The planner's request of each environment's pass, for the dashboard's forecast.</summary>
    public ImmutableArray<Aus.Domain.Planning.PlanRequest> Requests { get; init; } = [];

    public bool Failed => Organizations.Any(o => o.Failed);
}
