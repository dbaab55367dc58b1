using System.Collections.Immutable;

namespace Aus.Cli.Service;

/// <summary>Settings, or every problem found in them (each line ready to print).</summary>
internal sealed record SettingsResult(ServiceSettings? Settings, ImmutableArray<string> Errors)
{
    public bool Succeeded => Settings is not null && Errors.IsEmpty;
}
