using System.Collections.Immutable;

namespace Aus.Policies.Settings;

/// <summary>
/// The values a settings file gives, checked for keys and types but not yet for meaning (durations,
/// addresses, URLs and credentials are the loader's): each keeps where it was written.
/// </summary>
public sealed record SettingsFile
{
    public static readonly SettingsFile Empty = new();

    public ImmutableArray<SettingsEnvironment> Environments { get; init; } = [];

    /// <summary>Organization files or directories, as written (relative to the settings file).</summary>
    public ImmutableArray<string> Policies { get; init; } = [];

    public SettingValue? State { get; init; }

    public SettingValue? Interval { get; init; }

    public int? Concurrency { get; init; }

    public bool? DryRun { get; init; }

    public SettingValue? Listen { get; init; }

    public SettingValue? ShutdownTimeout { get; init; }

    public SettingValue? OrganizationDeadline { get; init; }
}

/// <summary>A scalar of the settings file with its key and the 1-based place it was written.</summary>
public sealed record SettingValue(string Key, string Text, int Line, int Column);

/// <summary>Where the organizations of an environment take their cluster policies from.</summary>
public enum PolicySourceKind
{
    /// <summary>The organization files (the default).</summary>
    Files,

    /// <summary>The sre-capabilities.aus.* labels in OCM.</summary>
    Labels,
}

/// <summary>One entry of <c>environments:</c>; <see cref="Line"/> and <see cref="Column"/> are where it starts.</summary>
public sealed record SettingsEnvironment(string Name, int Line, int Column)
{
    public string? Url { get; init; }

    public string? TokenUrl { get; init; }

    public SettingsCredentials? Credentials { get; init; }

    /// <summary>The add-on service version, v1 or v2; null leaves it to OCM_ADDON_SERVICE_VERSION or the default.</summary>
    public string? AddonServiceVersion { get; init; }

    public PolicySourceKind PolicySource { get; init; } = PolicySourceKind.Files;

    /// <summary><c>prometheus:</c> as plain data (mappings are read-only dictionaries of string keys, lists read-only lists, scalars their text); null when absent.</summary>
    public object? Prometheus { get; init; }

    /// <summary><c>notifications:</c> as plain data, like <see cref="Prometheus"/>; null when absent.</summary>
    public object? Notifications { get; init; }

    /// <summary>Where each value under <c>prometheus</c> and <c>notifications</c> was written, by path (<c>notifications[0].webhook.url</c>).</summary>
    public ImmutableDictionary<string, (int Line, int Column)> Places { get; init; } = ImmutableDictionary<string, (int Line, int Column)>.Empty;

    /// <summary>
    /// The place of the longest path in <see cref="Places"/> that starts <paramref name="path"/>, so a
    /// problem found later in the plain data is placed at the value it names; the environment itself otherwise.
    /// </summary>
    public (int Line, int Column) Locate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var best = (Line, Column);
        var bestLength = -1;
        foreach (var (known, place) in Places)
        {
            var isPrefix = path.StartsWith(known, StringComparison.Ordinal)
                && (path.Length == known.Length || path[known.Length] is '.' or '[' or ':');
            if (isPrefix && known.Length > bestLength)
            {
                best = place;
                bestLength = known.Length;
            }
        }

        return best;
    }
}

/// <summary>
/// Where an environment's OCM credentials come from, as written: names of variables or files, never
/// the secrets themselves. Unset names fall back to the standard OCM_* variables.
/// </summary>
public sealed record SettingsCredentials
{
    public string? ClientId { get; init; }

    public string? ClientIdEnv { get; init; }

    public string? ClientSecretEnv { get; init; }

    public string? ClientSecretFile { get; init; }

    public string? OfflineTokenEnv { get; init; }

    public string? OfflineTokenFile { get; init; }
}
