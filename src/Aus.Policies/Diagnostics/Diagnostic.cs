using System.Globalization;

namespace Aus.Policies.Diagnostics;

/// <summary>
/// One problem found in a file, at a 1-based line and column (0 when the problem concerns the file
/// as a whole, such as a file that cannot be read).
/// </summary>
/// <param name="Cluster">The upgradePolicyClusters[].name the problem concerns; null for organization-level problems.</param>
public sealed record Diagnostic(string File, int Line, int Column, DiagnosticSeverity Severity, string Message, string? Cluster = null)
{
    /// <summary>The problem, escaped and shortened by <see cref="DiagnosticText"/>: always one short line.</summary>
    public string Message { get; init; } = DiagnosticText.Message(Message);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The compiler-style form: <c>FILE:LINE:COL: error: MESSAGE</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var file = DiagnosticText.Escape(File);
        return Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{file}:{Line}:{Column}: {severity}: {Message}")
            : $"{file}: {severity}: {Message}";
    }
}
