namespace Aus.Policies.Diagnostics;

/// <summary>How bad a problem found in a file is: errors stop an organization, warnings never do.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
