using System.Collections.Immutable;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Domain.Planning;

/// <summary>
/// Whether a blocked-version pattern matches a version, remembered for one planning pass over the
/// fleet. Organizations repeat the same few patterns and the fleet runs a few dozen versions, so
/// each regex runs once per (pattern, version) rather than once per cluster and candidate.
/// </summary>
internal sealed class BlockedVersionMatches
{
    private readonly Dictionary<(string Pattern, string Version), bool> _matches = [];

    /// <summary>The first of the patterns that blocks the version, or null (as <see cref="UpgradeSpec.BlockingPattern"/>).</summary>
    public VersionPattern? BlockingPattern(ImmutableArray<VersionPattern> patterns, OpenShiftVersion version) =>
        BlockingPattern(patterns, version.ToString());

    /// <summary>The first of the patterns that matches the text (a version, or "ADDON_ID/VERSION" for an add-on).</summary>
    public VersionPattern? BlockingPattern(ImmutableArray<VersionPattern> patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            if (!_matches.TryGetValue((pattern.Source, text), out var matches))
            {
                matches = pattern.IsMatch(text);
                _matches[(pattern.Source, text)] = matches;
            }

            if (matches)
            {
                return pattern;
            }
        }

        return null;
    }
}
