using System.Collections.Immutable;
using Aus.Policies.Diagnostics;

namespace Aus.Policies.Settings;

/// <summary>A settings file as read: its values (null when it could not be parsed) and every problem found.</summary>
public sealed record SettingsDocument(string File, SettingsFile? Settings, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The file could not be read or decoded at all.</summary>
    public bool IsUnreadable { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
