using System.Collections.Immutable;
using Aus.Application.Reconcile;
using Aus.Ocm;

namespace Aus.Cli.Service;

/// <summary>One pass of the service over every environment: the organizations' outcomes and the OCM calls made.</summary>
internal sealed record ServicePass(DateTimeOffset Now, ImmutableArray<OrganizationOutcome> Organizations, OcmCallCounts Calls, TimeSpan Duration)
{
    public bool Failed => Organizations.Any(o => o.Failed);
}
