namespace Aus.Policies.Files;

/// <summary>The kinds of file aus reads.</summary>
public enum PolicyFileKind
{
    /// <summary>An organization policy file: top-level orgId.</summary>
    Organization,

    /// <summary>A fleet snapshot: top-level organizations.</summary>
    Fleet,

    /// <summary>A soak history: top-level versions or check_in, or an empty object (an empty history).</summary>
    History,

    /// <summary>The settings file of aus serve: top-level environments.</summary>
    Settings,

    /// <summary>Another kind of app-interface data file (its $schema names another schema), such as an OCM environment: not read.</summary>
    OtherAppInterfaceFile,
}
