using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Policies.History;

/// <summary>
/// The soak history in the JSON the reference implementation stores (docs/policy-reference.md, "Soak history"), so
/// installations can move their history between qontract-reconcile and aus in both directions.
/// </summary>
public static class VersionHistoryJson
{
    private static readonly string[] NaiveFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    /// <summary>Reads a history document; on failure returns null and every problem found, each with its JSON path.</summary>
    public static VersionHistory? Read(string json, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            problems.Add($"line {(e.LineNumber ?? 0) + 1}: invalid JSON: {FirstSentence(e.Message)}");
            return null;
        }

        using (document)
        {
            return Read(document.RootElement, problems);
        }
    }

    /// <summary>
    /// Reads a history from an element already parsed (for instance one value of a multi-organization export).
    /// Given <paramref name="now"/>, a check-in after it is a problem: soak must never run backwards.
    /// </summary>
    public static VersionHistory? Read(JsonElement root, List<string> problems, DateTimeOffset? now = null)
    {
        var before = problems.Count;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"$: expected an object with 'check_in' and 'versions', found {Describe(root)}");
            return null;
        }

        DateTimeOffset? checkIn = null;
        var versions = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<Workload, WorkloadSoak>>(StringComparer.Ordinal);
        VersionStats? stats = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "check_in":
                    checkIn = ReadCheckIn(property.Value, problems);
                    if (checkIn > now)
                    {
                        problems.Add($"$.check_in: {TimeFormat.Format(checkIn.Value)} lies after the time of this pass, {TimeFormat.Format(now.Value)}; a history from the future would make soak run backwards");
                    }

                    break;
                case "versions":
                    ReadVersions(property.Value, versions, problems);
                    break;
                case "stats":
                    stats = ReadStats(property.Value, "$.stats", problems);
                    break;
                default:
                    problems.Add($"$.{property.Name}: unknown key; allowed are check_in, versions, stats");
                    break;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new VersionHistory { CheckIn = checkIn, Versions = versions.ToImmutable(), Stats = stats };
    }

    /// <summary>
    /// Writer options for history files: the relaxed encoder keeps '+' in "+00:00" and other
    /// printable characters as they are, where the default encoder writes \u002B.
    /// </summary>
    public static JsonWriterOptions WriterOptions(bool indented) =>
        new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the history as stored: own data only, null fields omitted.</summary>
    public static string Write(VersionHistory history, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions(indented)))
        {
            Write(writer, history);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, VersionHistory history)
    {
        writer.WriteStartObject();
        if (history.CheckIn is { } checkIn)
        {
            writer.WriteString("check_in", FormatCheckIn(checkIn));
        }

        writer.WriteStartObject("versions");
        foreach (var (version, workloads) in history.Versions)
        {
            writer.WriteStartObject(version);
            writer.WriteStartObject("workloads");
            foreach (var (workload, soak) in workloads)
            {
                writer.WriteStartObject(workload.Value);
                writer.WriteNumber("soak_days", soak.SoakDays);
                writer.WriteStartArray("reporting");
                foreach (var name in soak.Reporting)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (history.Stats is { } stats)
        {
            writer.WriteStartObject("stats");
            if (stats.MinVersion is { } min)
            {
                writer.WriteString("min_version", min.ToString());
            }

            writer.WriteStartObject("min_version_per_workload");
            foreach (var (workload, version) in stats.MinVersionPerWorkload)
            {
                writer.WriteString(workload.Value, version.ToString());
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The check-in time as the reference writes it: ISO 8601 with a +00:00 offset.</summary>
    public static string FormatCheckIn(DateTimeOffset checkIn)
    {
        var utc = checkIn.ToUniversalTime();
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        return utc.ToString(format, CultureInfo.InvariantCulture) + "+00:00";
    }

    /// <summary>Parses a check-in: ISO 8601 with an offset or Z, or the older naive spellings, which mean UTC.</summary>
    public static bool TryParseCheckIn(string text, out DateTimeOffset checkIn)
    {
        if (DateTime.TryParseExact(text, NaiveFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var naive))
        {
            checkIn = new DateTimeOffset(naive, TimeSpan.Zero);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset) && text.Contains('T', StringComparison.Ordinal))
        {
            checkIn = withOffset.ToUniversalTime();
            return true;
        }

        checkIn = default;
        return false;
    }

    private static DateTimeOffset? ReadCheckIn(JsonElement value, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && TryParseCheckIn(value.GetString()!, out var checkIn))
        {
            return checkIn;
        }

        problems.Add($"$.check_in: expected a time such as 2026-11-20T10:00:00+00:00, found {Describe(value)}");
        return null;
    }

    private static void ReadVersions(
        JsonElement value,
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<Workload, WorkloadSoak>>.Builder versions,
        List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"$.versions: expected an object keyed by version, found {Describe(value)}");
            return;
        }

        foreach (var version in value.EnumerateObject())
        {
            var path = $"$.versions[\"{version.Name}\"]";
            if (version.Value.ValueKind != JsonValueKind.Object
                || !version.Value.TryGetProperty("workloads", out var workloadsElement)
                || workloadsElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path}: expected an object with 'workloads', found {Describe(version.Value)}");
                continue;
            }

            ReportUnknownKeys(version.Value, path, problems, "workloads");

            var workloads = ImmutableSortedDictionary.CreateBuilder<Workload, WorkloadSoak>();
            foreach (var workload in workloadsElement.EnumerateObject())
            {
                var soak = ReadSoak(workload.Value, $"{path}.workloads[\"{workload.Name}\"]", problems);
                if (soak is not null)
                {
                    workloads[new Workload(workload.Name)] = soak;
                }
            }

            versions[version.Name] = workloads.ToImmutable();
        }
    }

    private static WorkloadSoak? ReadSoak(JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object with 'soak_days' and 'reporting', found {Describe(value)}");
            return null;
        }

        double soakDays = 0;
        var reporting = ImmutableArray.CreateBuilder<string>();
        var valid = ReportUnknownKeys(value, path, problems, "soak_days", "reporting");
        if (value.TryGetProperty("soak_days", out var days))
        {
            if (days.ValueKind != JsonValueKind.Number || !days.TryGetDouble(out soakDays) || soakDays < 0 || !double.IsFinite(soakDays))
            {
                problems.Add($"{path}.soak_days: expected a number >= 0, found {Describe(days)}");
                valid = false;
            }
        }

        if (value.TryGetProperty("reporting", out var names))
        {
            if (names.ValueKind != JsonValueKind.Array || names.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String))
            {
                problems.Add($"{path}.reporting: expected a list of cluster names, found {Describe(names)}");
                valid = false;
            }
            else
            {
                reporting.AddRange(names.EnumerateArray().Select(n => n.GetString()!));
            }
        }

        return valid ? new WorkloadSoak(soakDays, reporting.ToImmutable()) : null;
    }

    /// <summary>Reports every key of an object other than the allowed ones: a misspelt soak_days must not silently read as 0.</summary>
    private static bool ReportUnknownKeys(JsonElement value, string path, List<string> problems, params string[] allowed)
    {
        var valid = true;
        foreach (var property in value.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"{path}.{property.Name}: unknown key; allowed are {string.Join(", ", allowed)}");
                valid = false;
            }
        }

        return valid;
    }

    private static VersionStats? ReadStats(JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object, found {Describe(value)}");
            return null;
        }

        OpenShiftVersion? min = null;
        var perWorkload = ImmutableSortedDictionary.CreateBuilder<Workload, OpenShiftVersion>();
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "min_version":
                    min = ReadVersion(property.Value, $"{path}.min_version", problems);
                    break;
                case "min_version_per_workload" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var workload in property.Value.EnumerateObject())
                    {
                        if (ReadVersion(workload.Value, $"{path}.min_version_per_workload[\"{workload.Name}\"]", problems) is { } version)
                        {
                            perWorkload[new Workload(workload.Name)] = version;
                        }
                    }

                    break;
                case "min_version_per_workload" when property.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "min_version_per_workload":
                    problems.Add($"{path}.min_version_per_workload: expected an object keyed by workload, found {Describe(property.Value)}");
                    break;
                case "inherited":
                    // A runtime-only field of the reference; never meaningful when stored.
                    break;
                default:
                    problems.Add($"{path}.{property.Name}: unknown key; allowed are min_version, min_version_per_workload");
                    break;
            }
        }

        return new VersionStats(min, perWorkload.ToImmutable());
    }

    private static OpenShiftVersion? ReadVersion(JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{path}: expected a version string, found {Describe(value)}");
            return null;
        }

        if (!OpenShiftVersion.TryParse(value.GetString(), out var version, out var error))
        {
            problems.Add($"{path}: {error}");
        }

        return version;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
