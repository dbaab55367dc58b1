using System.Collections.Immutable;
using Aus.Policies.Diagnostics;

namespace Aus.Policies.Labels;

/// <summary>Collects the problems found in one organization's labels; labels have no line, so every diagnostic is at 0:0.</summary>
internal sealed class LabelDiagnostics(string file)
{
    private readonly List<Diagnostic> _items = [];

    public string File { get; } = file;

    /// <summary>The cluster whose subscription labels are being read; null while reading the organization labels.</summary>
    public string? CurrentCluster { get; set; }

    public int ErrorCount { get; private set; }

    public void Error(string message)
    {
        _items.Add(new Diagnostic(Source, 0, 0, DiagnosticSeverity.Error, message, CurrentCluster));
        ErrorCount++;
    }

    public void Warning(string message) =>
        _items.Add(new Diagnostic(Source, 0, 0, DiagnosticSeverity.Warning, message, CurrentCluster));

    // Printed as FILE: error: MESSAGE, so a cluster's labels name the cluster there too.
    private string Source => CurrentCluster is null ? File : $"{File}, cluster {CurrentCluster}";

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
