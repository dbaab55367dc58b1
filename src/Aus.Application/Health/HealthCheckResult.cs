using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Application.Health;

/// <summary>The organization's clusters with their health errors, and warnings for the pass's report.</summary>
public sealed record HealthCheckResult(FleetOrganization Fleet, ImmutableArray<string> Warnings);
