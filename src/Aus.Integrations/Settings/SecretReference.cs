namespace Aus.Integrations.Settings;

/// <summary>Where a secret is: an environment variable's name, or a file's path (its text, trimmed). Never the secret itself.</summary>
public sealed record SecretReference(string? Variable, string? File)
{
    public override string ToString() => Variable is not null ? $"variable {Variable}" : $"file {File}";

    /// <summary>The secret's value, or null with an error added when the variable is unset or empty, or the file unreadable.</summary>
    public string? Resolve(Func<string, string?> getVariable, Func<string, string> readFile, string where, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(readFile);
        ArgumentNullException.ThrowIfNull(errors);
        if (Variable is not null)
        {
            var value = getVariable(Variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{where}: the environment variable {Variable} is not set");
                return null;
            }

            return value.Trim();
        }

        try
        {
            var text = readFile(File!).Trim();
            if (text.Length == 0)
            {
                errors.Add($"{where}: the file {File} is empty");
                return null;
            }

            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{where}: cannot read the file {File}: {e.Message}");
            return null;
        }
    }
}
