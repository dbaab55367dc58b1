using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Aus.Ocm.Configuration;

/// <summary>Options built from the environment, or every reason they could not be.</summary>
public sealed record OcmOptionsResult(OcmClientOptions? Options, ImmutableArray<string> Errors)
{
    [MemberNotNullWhen(true, nameof(Options))]
    public bool Succeeded => Options is not null && Errors.IsEmpty;
}
