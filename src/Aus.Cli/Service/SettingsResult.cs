using System.Collections.Immutable;

namespace Aus.Cli.Service;

/// <summary>Settings, or every problem found in them (each line ready to print).</summary>
internal sealed record SettingsResult(ServiceSettings? Settings, ImmutableArray<string> Errors)
{
    /// <summary>The organization files named, even when other settings have problems (so they are checked too).</summary>
    public ImmutableArray<string> Policies { get; init; } = Settings?.Policies ?? [];

    public bool Succeeded => Settings is not null && Errors.IsEmpty;
}
