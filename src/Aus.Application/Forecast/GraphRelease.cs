using System.Collections.Immutable;
using Aus.Domain.Versions;

namespace Aus.Application.Forecast;

/// <summary>A release of the upgrade graph: a version and every channel it is in.</summary>
public sealed record GraphRelease(OpenShiftVersion Version, ImmutableArray<string> Channels);
