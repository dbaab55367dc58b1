using System.Text.Json;
using Aus.Policies.Diagnostics;
using Aus.Policies.Files;
using Aus.Policies.Yaml;

namespace Aus.Policies.History;

/// <summary>
/// Reads a soak history file with <see cref="VersionHistoryJson"/> and places each of its problems,
/// which carry a JSON path, at the line and column of the value the path names.
/// </summary>
public static class HistoryReader
{
    private const string Expected = "a JSON object with check_in and versions";

    /// <summary>Reads a history file; given <paramref name="now"/>, the time of the pass, a check-in after it is an error.</summary>
    public static async Task<HistoryDocument> ReadFileAsync(string path, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        var source = await SourceFiles.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        return FromSource(source, now);
    }

    public static HistoryDocument FromSource(SourceText source, DateTimeOffset? now = null) =>
        source.Text is null
            ? new HistoryDocument(source.File, null, [source.Error!]) { IsUnreadable = true }
            : Read(source.Text, source.File, now);

    public static HistoryDocument Read(string text, string file, DateTimeOffset? now = null)
    {
        if (SourceFiles.CheckText(file, text) is { } fileError)
        {
            return new HistoryDocument(file, null, [fileError]) { IsUnreadable = true };
        }

        var bag = new DiagnosticBag(file);
        if (string.IsNullOrWhiteSpace(text))
        {
            bag.Error(1, 1, PolicyMessages.EmptyFile(Expected));
            return new HistoryDocument(file, null, bag.ToImmutable());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            bag.Error((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, PolicyMessages.InvalidJson(FirstSentence(e.Message)));
            return new HistoryDocument(file, null, bag.ToImmutable());
        }

        using (document)
        {
            var problems = new List<string>();
            var history = VersionHistoryJson.Read(document.RootElement, problems, now);
            if (problems.Count > 0)
            {
                // JSON is YAML: the same text parsed as YAML gives each value its position.
                var tree = YamlTreeParser.Parse(text, new DiagnosticBag(file)).Root;
                foreach (var problem in problems)
                {
                    var (line, column) = Locate(tree, problem);
                    bag.Error(line, column, problem);
                }
            }

            return new HistoryDocument(file, history, bag.ToImmutable());
        }
    }

    private static (int Line, int Column) Locate(YamlNode? tree, string problem)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        if (tree is null || colon < 0 || !problem.StartsWith('$'))
        {
            return (1, 1);
        }

        var wantKey = problem.AsSpan(colon).Contains("unknown key", StringComparison.Ordinal);
        YamlNode node = tree;
        YamlNode at = tree;
        foreach (var segment in Segments(problem[1..colon]))
        {
            if (node is not YamlMapping mapping || mapping.Find(segment) is not { } entry)
            {
                break;
            }

            node = entry.Value;
            at = wantKey ? entry.Key : entry.Value;
        }

        return (at.Line, at.Column);
    }

    /// <summary>The keys of a path written as .name or ["name"] segments.</summary>
    private static IEnumerable<string> Segments(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 1)..end];
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("[\"", StringComparison.Ordinal))
            {
                var end = path.IndexOf("\"]", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    yield break;
                }

                yield return path[(i + 2)..end];
                i = end + 2;
            }
            else
            {
                yield break;
            }
        }
    }

    private static string FirstSentence(string message)
    {
        foreach (var marker in (string[])[" Path:", " LineNumber:"])
        {
            var end = message.IndexOf(marker, StringComparison.Ordinal);
            message = end > 0 ? message[..end] : message;
        }

        return message.TrimEnd('.', ' ');
    }
}
