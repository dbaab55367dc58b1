using System.Globalization;

namespace Aus.Policies.Diagnostics;

/// <summary>
/// One problem found in a file, at a 1-based line and column (0 when the problem concerns the file
/// as a whole, such as a file that cannot be read).
/// </summary>
/// <param name="Cluster">The upgradePolicyClusters[].name the problem concerns; null for organization-level problems.</param>
public sealed record Diagnostic(string File, int Line, int Column, DiagnosticSeverity Severity, string Message, string? Cluster = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The compiler-style form: <c>FILE:LINE:COL: error: MESSAGE</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {severity}: {Message}")
            : $"{File}: {severity}: {Message}";
    }
}
