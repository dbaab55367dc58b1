using System.Collections.Immutable;
using Aus.Policies.Yaml;

namespace Aus.Policies.Diagnostics;

/// <summary>Collects the problems of one file, attributing them to the cluster being read, if any.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> _items = [];
    private int _errorCount;

    public string File { get; } = file;

    /// <summary>The cluster whose entry is being read; problems found meanwhile concern it.</summary>
    public string? CurrentCluster { get; set; }

    public bool HasErrors => _errorCount > 0;

    /// <summary>Kept as a count: readers ask for it around every cluster, and a broken file may have thousands of errors.</summary>
    public int ErrorCount => _errorCount;

    public void Error(int line, int column, string message)
    {
        _items.Add(new Diagnostic(File, line, column, DiagnosticSeverity.Error, message, CurrentCluster));
        _errorCount++;
    }

    public void Error(YamlNode at, string message) => Error(at.Line, at.Column, message);

    public void Warning(YamlNode at, string message) =>
        _items.Add(new Diagnostic(File, at.Line, at.Column, DiagnosticSeverity.Warning, message, CurrentCluster));

    /// <summary>The problems in file order (line, then column), errors before warnings at the same place.</summary>
    public ImmutableArray<Diagnostic> ToImmutable() =>
        [.. _items.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d)];
}
