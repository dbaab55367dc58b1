using System.Collections.Immutable;
using Aus.Policies.Yaml;

namespace Aus.Policies.Diagnostics;

/// <summary>
/// Collects the problems of one file, attributing them to the cluster being read, if any. Keeps
/// the first <see cref="MaxDiagnostics"/> and counts the rest, so a hostile file cannot make a
/// reader hold or print millions of lines.
/// </summary>
internal sealed class DiagnosticBag(string file)
{
    /// <summary>The most problems kept per file; far more than anyone reads, far fewer than would hurt.</summary>
    public const int MaxDiagnostics = 200;

    private readonly List<Diagnostic> _items = [];
    private int _errorCount;
    private int _suppressed;
    private bool _suppressedError;

    public string File { get; } = file;

    /// <summary>The cluster whose entry is being read; problems found meanwhile concern it.</summary>
    public string? CurrentCluster { get; set; }

    public bool HasErrors => _errorCount > 0;

    /// <summary>Kept as a count: readers ask for it around every cluster, and a broken file may have thousands of errors.</summary>
    public int ErrorCount => _errorCount;

    public void Error(int line, int column, string message)
    {
        _errorCount++;
        Add(line, column, DiagnosticSeverity.Error, message);
    }

    public void Error(YamlNode at, string message) => Error(at.Line, at.Column, message);

    public void Warning(YamlNode at, string message) => Add(at.Line, at.Column, DiagnosticSeverity.Warning, message);

    /// <summary>
    /// The problems in file order (line, then column), errors before warnings at the same place; when
    /// some were left out, a last one for the whole file says how many.
    /// </summary>
    public ImmutableArray<Diagnostic> ToImmutable()
    {
        var ordered = _items.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d);
        if (_suppressed == 0)
        {
            return [.. ordered];
        }

        var severity = _suppressedError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        return [.. ordered, new Diagnostic(File, 0, 0, severity, PolicyMessages.MoreProblems(_suppressed))];
    }

    private void Add(int line, int column, DiagnosticSeverity severity, string message)
    {
        if (_items.Count >= MaxDiagnostics)
        {
            _suppressed++;
            _suppressedError |= severity == DiagnosticSeverity.Error;
            return;
        }

        _items.Add(new Diagnostic(File, line, column, severity, message, CurrentCluster));
    }
}
