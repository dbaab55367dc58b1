using System.Text;
using Aus.Policies.Diagnostics;
using Aus.Policies.Yaml;

namespace Aus.Policies.Organizations;

/// <summary>
/// Resolves app-interface cross-references (<c>{$ref: /dependencies/ocm/environments/production.yml}</c>):
/// a path from the root of the data directory, read only from inside that directory.
/// </summary>
internal sealed class AppInterfaceReferences(string file, string? configDirectory)
{
    private readonly Dictionary<string, (YamlMapping? Target, string? Error)> _loaded = new(StringComparer.Ordinal);

    // Found only when a file has references: most have none.
    private string? _root;

    public string Root => _root ??= RootFor(file, configDirectory);

    /// <summary>
    /// The directory references of <paramref name="file"/> are resolved in: <paramref name="configDirectory"/>
    /// when given; otherwise the nearest enclosing directory named <c>data</c> (app-interface keeps its
    /// files under data/), or else the file's own directory.
    /// </summary>
    private static string RootFor(string file, string? configDirectory)
    {
        if (configDirectory is not null)
        {
            return Path.GetFullPath(configDirectory);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        for (var candidate = directory; candidate is not null; candidate = Path.GetDirectoryName(candidate))
        {
            if (string.Equals(Path.GetFileName(candidate), "data", StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return directory ?? Path.GetFullPath(".");
    }

    /// <summary>The mapping a reference names, or why it names none.</summary>
    public (YamlMapping? Target, string? Error) Resolve(string reference)
    {
        var relative = reference.TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        var rootWithSeparator = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        if (relative.Length == 0 || !full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            return (null, $"names a file outside the configuration directory {Root}");
        }

        if (!_loaded.TryGetValue(full, out var result))
        {
            result = Load(full);
            _loaded[full] = result;
        }

        return result;
    }

    private static (YamlMapping?, string?) Load(string full)
    {
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return (null, $"names no file ({full} does not exist)");
        }

        string text;
        try
        {
            text = info.Length > Files.SourceFiles.MaxBytes ? string.Empty : File.ReadAllText(full, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {e.Message}");
        }

        var bag = new DiagnosticBag(full);
        var root = DocumentRoot.Parse(text, bag, "a mapping", out _);
        if (bag.HasErrors || root is null)
        {
            var first = bag.ToImmutable().FirstOrDefault(d => d.IsError);
            return (null, $"names a file that cannot be read: {first}");
        }

        return (root, null);
    }
}
