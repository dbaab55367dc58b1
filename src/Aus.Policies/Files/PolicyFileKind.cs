namespace Aus.Policies.Files;

/// <summary>The kinds of file aus reads.</summary>
public enum PolicyFileKind
{
    /// <summary>An organization policy file (contracts.md section 1).</summary>
    Organization,

    /// <summary>A fleet snapshot (contracts.md section 2): top-level organizations.</summary>
    Fleet,

    /// <summary>A soak history: top-level versions or check_in, or an empty object (an empty history).</summary>
    History,

    /// <summary>The settings file of aus serve: top-level environments.</summary>
    Settings,
}
