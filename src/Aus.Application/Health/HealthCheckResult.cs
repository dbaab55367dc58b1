using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Application.Health;

/// <summary>The organization's clusters with their health errors, and what the checks did, for the pass's report and metrics.</summary>
/// <param name="Fleet">The clusters, each with the errors of every provider that was asked.</param>
/// <param name="Warnings">Checks skipped or failed, in words.</param>
/// <param name="Asked">The providers asked this pass (answered or failed): a cluster without errors from one of them is healthy for it.</param>
/// <param name="Failed">The providers that did not answer.</param>
public sealed record HealthCheckResult(FleetOrganization Fleet, ImmutableArray<string> Warnings, ImmutableArray<string> Asked, ImmutableArray<string> Failed);
