using System.Globalization;
using Aus.Application.Inputs;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Policies.Diagnostics;
using Aus.Policies.Files;
using Aus.Policies.Fleet;
using Aus.Policies.History;
using Aus.Policies.Organizations;

namespace Aus.Cli;

/// <summary>
/// Reads the files the commands are given (organization files, history files, --now) and prints
/// every problem as it is found; null results mean something could not be used.
/// </summary>
internal static class InputFiles
{
    /// <summary>Reads every organization file of the paths (files, or directories of them); null with the exit code when one cannot be used.</summary>
    public static async Task<(List<OrganizationDocument>? Documents, int ExitCode)> LoadOrganizationsAsync(
        IEnumerable<string> paths, TextWriter stderr, CancellationToken cancellationToken)
    {
        var documents = new List<OrganizationDocument>();
        var (files, unreadable) = await ExpandOrganizationFilesAsync(paths, stderr, cancellationToken);
        var invalid = false;
        foreach (var (file, read) in files)
        {
            var document = read ?? await OrganizationReader.ReadFileAsync(file, cancellationToken);
            await PrintAsync(stderr, document.Diagnostics, document.IsUnreadable);
            unreadable |= document.IsUnreadable;
            invalid |= document.Policy is null;
            documents.Add(document);
        }

        if (unreadable || invalid)
        {
            return (null, ExitStatus.Of(unreadable, invalid));
        }

        if (documents.Count == 0)
        {
            await stderr.WriteLineAsync("aus: error: --config names no organization file");
            return (null, ExitCodes.Usage);
        }

        var duplicates = OrganizationSet.CheckUniqueOrgIds(documents);
        if (!duplicates.IsEmpty)
        {
            await PrintAsync(stderr, duplicates);
            return (null, ExitCodes.Invalid);
        }

        return (documents, ExitCodes.Success);
    }

    /// <summary>The organization as the use cases take it: its policy and what validation found.</summary>
    public static OrganizationConfig ToConfig(OrganizationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new OrganizationConfig(document.Policy!)
        {
            ClusterNames = document.ClusterNames,
            Errors = [.. document.Errors.Select(d => new OrganizationMessage(d.Cluster, d.Message))],
            Warnings = [.. document.Warnings.Select(d => new OrganizationMessage(d.Cluster, d.Message))],
        };
    }

    public static DateTimeOffset? ParseNow(string? text, TimeProvider time, TextWriter stderr)
    {
        if (text is null)
        {
            var current = time.GetUtcNow();
            return new DateTimeOffset(current.Ticks - (current.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }

        if (ParseRfc3339(text) is { } now)
        {
            return now;
        }

        stderr.WriteLine($"aus: error: --now '{text}' is not an RFC 3339 time; write it like 2026-11-23T12:00:00Z");
        return null;
    }

    /// <summary>An RFC 3339 time (a date, 'T', a time and an offset or Z) in UTC; null for anything else.</summary>
    public static DateTimeOffset? ParseRfc3339(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time)
        && text.Contains('T', StringComparison.OrdinalIgnoreCase)
        && (text.EndsWith('Z') || text.EndsWith('z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10)
            ? time.ToUniversalTime()
            : null;

    /// <summary>
    /// The organization files to read, in order. Those found in a directory come already read: telling
    /// them from fleet snapshots and histories takes the same parse as reading them.
    /// </summary>
    public static async Task<(List<(string File, OrganizationDocument? Read)> Files, bool Unreadable)> ExpandOrganizationFilesAsync(
        IEnumerable<string> paths, TextWriter stderr, CancellationToken cancellationToken)
    {
        var files = new List<(string, OrganizationDocument?)>();
        var unreadable = false;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // A directory may also hold fleet snapshots and histories (as examples/ does): take only organization files.
                var found = 0;
                var candidates = Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in candidates)
                {
                    var source = await SourceFiles.LoadAsync(file, cancellationToken);
                    if (source.Text is null)
                    {
                        // The loader refused it (a named pipe, a device, too large, binary): never opened
                        // again to guess its kind, and reported as the organization file it is named like.
                        files.Add((file, OrganizationReader.FromSource(source)));
                        found++;
                    }
                    else if (PolicyFiles.ReadIfOrganization(source) is { } document)
                    {
                        files.Add((file, document));
                        found++;
                    }
                }

                if (found == 0)
                {
                    await stderr.WriteLineAsync($"aus: error: {path}: the directory holds no organization file (*.yml, *.yaml, *.json)");
                    unreadable = true;
                }
            }
            else if (WrongKindForConfig(path) is { } wrongKind)
            {
                await stderr.WriteLineAsync($"aus: error: {path}: {wrongKind}");
                unreadable = true;
            }
            else
            {
                files.Add((path, null));
            }
        }

        return (files, unreadable);
    }

    /// <summary>
    /// False, with the reason on stderr, when the file given as --fleet is an organization file, a
    /// history or a settings file: the option it belongs to is named, and the exit status is usage.
    /// The fleet reader tells the kind from the parse it reads the file with.
    /// </summary>
    public static async Task<bool> CheckFleetKindAsync(FleetDocument document, TextWriter stderr)
    {
        var wrongKind = document.OtherKind switch
        {
            PolicyFileKind.Organization => "this is an organization file; give it with --config",
            PolicyFileKind.History => "this is a soak history; give it with --history",
            PolicyFileKind.Settings => "this is a settings file; give it with --settings",
            _ => null,
        };
        if (wrongKind is null)
        {
            return true;
        }

        await stderr.WriteLineAsync($"aus: error: {document.File}: {wrongKind}");
        return false;
    }

    /// <summary>Why a file named in --config is not an organization file, when another option takes it.</summary>
    private static string? WrongKindForConfig(string path) => PolicyFiles.Classify(SafeRead(path)) switch
    {
        PolicyFileKind.Fleet => "this is a fleet snapshot; give it with --fleet",
        PolicyFileKind.History => "this is a soak history; give it with --history",
        PolicyFileKind.Settings => "this is a settings file; give it with --settings",
        _ => null,
    };

    private static string SafeRead(string file)
    {
        try
        {
            return new FileInfo(file).Length > SourceFiles.MaxBytes ? string.Empty : File.ReadAllText(file);
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    public static async Task<(Dictionary<HistoryOwner, VersionHistory>? Histories, int ExitCode)> ReadHistoriesAsync(
        IEnumerable<string> values, IReadOnlyList<OrganizationId> orgIds, string option, DateTimeOffset? now, TextWriter stderr, CancellationToken cancellationToken)
    {
        var files = await MapPerOrganizationAsync(values, orgIds, option, stderr);
        return files is null ? (null, ExitCodes.Usage) : await ReadHistoriesAsync(files, option, now, stderr, cancellationToken);
    }

    /// <summary>
    /// Reads the history files already mapped to organizations; null when one cannot be used. A history
    /// checked in after <paramref name="now"/> (the time of the pass) is an error: soak never runs backwards.
    /// </summary>
    public static async Task<(Dictionary<HistoryOwner, VersionHistory>? Histories, int ExitCode)> ReadHistoriesAsync(
        IReadOnlyDictionary<HistoryOwner, string> files, string option, DateTimeOffset? now, TextWriter stderr, CancellationToken cancellationToken)
    {
        var histories = new Dictionary<HistoryOwner, VersionHistory>();
        var unreadable = false;
        var invalid = false;
        foreach (var (owner, path) in files)
        {
            if (!File.Exists(path))
            {
                // A typo must not reset soak clocks; a first run says so explicitly.
                await stderr.WriteLineAsync($"aus: error: {option} {path}: no such file; for a first run, give a file holding {{}} (an empty history)");
                unreadable = true;
                continue;
            }

            var document = await HistoryReader.ReadFileAsync(path, cancellationToken, now);
            await PrintAsync(stderr, document.Diagnostics, document.IsUnreadable);
            unreadable |= document.IsUnreadable;
            if (document.History is null || document.HasErrors)
            {
                invalid = true;
                continue;
            }

            histories[owner] = document.History;
        }

        var exitCode = ExitStatus.Of(unreadable, invalid);
        return exitCode == ExitCodes.Success ? (histories, exitCode) : (null, exitCode);
    }

    private static bool IsAddonKey(string key, IReadOnlyList<OrganizationId> orgIds)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < key.Length - 1 && orgIds.Contains(new OrganizationId(key[..slash]));
    }

    /// <summary>
    /// Maps "[ORGID=]FILE" values to organizations, and "ORGID/ADDON_ID=FILE" to an add-on of the
    /// organization; ORGID= may be left out when there is one organization.
    /// </summary>
    public static async Task<Dictionary<HistoryOwner, string>?> MapPerOrganizationAsync(
        IEnumerable<string> values, IReadOnlyList<OrganizationId> orgIds, string option, TextWriter stderr)
    {
        var map = new Dictionary<HistoryOwner, string>();
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            HistoryOwner orgId;
            string file;
            if (equals > 0 && orgIds.Contains(new OrganizationId(value[..equals])))
            {
                orgId = new HistoryOwner(new OrganizationId(value[..equals]));
                file = value[(equals + 1)..];
            }
            else if (equals > 0 && IsAddonKey(value[..equals], orgIds))
            {
                // ORGID/ADDON_ID=FILE: the soak history of one of the organization's add-ons.
                var slash = value.IndexOf('/', StringComparison.Ordinal);
                orgId = new HistoryOwner(new OrganizationId(value[..slash]), value[(slash + 1)..equals]);
                file = value[(equals + 1)..];
            }
            else if (equals > 0 && !File.Exists(value))
            {
                await stderr.WriteLineAsync($"aus: error: {option} {value}: organization {value[..equals]} is not in any --config file (known: {string.Join(", ", orgIds)})");
                return null;
            }
            else if (orgIds.Count == 1)
            {
                orgId = new HistoryOwner(orgIds[0]);
                file = value;
            }
            else
            {
                await stderr.WriteLineAsync($"aus: error: {option} {value}: with several organizations, write ORGID=FILE (known: {string.Join(", ", orgIds)})");
                return null;
            }

            if (!map.TryAdd(orgId, file))
            {
                await stderr.WriteLineAsync($"aus: error: {option} is given twice for organization {orgId}");
                return null;
            }
        }

        return map;
    }

    public static async Task PrintAsync(TextWriter stderr, IEnumerable<Diagnostic> diagnostics, bool unreadable = false)
    {
        foreach (var diagnostic in diagnostics)
        {
            // A file that cannot be read at all is a command error, worded as every command words it.
            await stderr.WriteLineAsync(unreadable && diagnostic.Line == 0 && diagnostic.IsError
                ? $"aus: error: {DiagnosticText.Escape(diagnostic.File)}: {diagnostic.Message}"
                : diagnostic.ToString());
        }
    }
}
