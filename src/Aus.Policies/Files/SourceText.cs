using Aus.Policies.Diagnostics;

namespace Aus.Policies.Files;

/// <summary>The text of a policy file, or the reason it cannot be read (then <see cref="Text"/> is null).</summary>
public sealed record SourceText(string File, string? Text, Diagnostic? Error)
{
    public bool IsReadable => Text is not null;
}
