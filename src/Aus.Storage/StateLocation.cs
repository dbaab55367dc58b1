using System.Text.RegularExpressions;
using Aus.Storage.PostgreSql;
using Npgsql;

namespace Aus.Storage;

/// <summary>
/// Where the state is, as given by <c>--state</c> / <c>AUS_STATE</c>: a SQLite file path, or a
/// PostgreSQL <c>postgresql://</c> URI or <c>Host=...</c> connection string.
/// </summary>
public sealed partial class StateLocation
{
    private StateLocation(StateDialect dialect, string target, string description, bool hasPassword)
    {
        Dialect = dialect;
        Target = target;
        Description = description;
        HasPassword = hasPassword;
    }

    public StateDialect Dialect { get; }

    /// <summary>The SQLite file's full path, or the Npgsql connection string (which may hold a password: never log it).</summary>
    public string Target { get; }

    /// <summary>Where the state is, fit for logs and messages: no password.</summary>
    public string Description { get; }

    /// <summary>Whether the text named a password (which the command line must not carry).</summary>
    public bool HasPassword { get; }

    /// <summary>
    /// The default SQLite file: <c>$XDG_DATA_HOME/aus/state.db</c>, else <c>~/.local/share/aus/state.db</c>
    /// (the platform's local application data folder elsewhere).
    /// </summary>
    public static string DefaultSqlitePath()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome) || !Path.IsPathRooted(dataHome))
        {
            dataHome = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        }

        if (string.IsNullOrEmpty(dataHome))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(home))
            {
                throw new InvalidOperationException(
                    "cannot find a data directory for the state file (neither XDG_DATA_HOME nor HOME is set); give one with --state or AUS_STATE");
            }

            dataHome = Path.Combine(home, ".local", "share");
        }

        return Path.Combine(dataHome, "aus", "state.db");
    }

    /// <summary>The default location: the SQLite file of <see cref="DefaultSqlitePath"/>.</summary>
    public static StateLocation Default() => Sqlite(DefaultSqlitePath());

    /// <summary>Reads a location; null or empty text means the default. On failure says what is wrong and what is allowed.</summary>
    public static bool TryParse(string? text, out StateLocation? location, out string? error)
    {
        location = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            location = Default();
            return true;
        }

        text = text.Trim();
        if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            if (!PostgresUri.TryConvert(text, out var connectionString, out error))
            {
                return false;
            }

            return TryPostgres(connectionString!, out location, out error);
        }

        if (LooksLikeConnectionString(text))
        {
            return TryPostgres(text, out location, out error);
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            // Only the scheme is shown: the rest may hold a password.
            error = $"state location '{text[..schemeEnd]}://...' is neither a file path nor a postgresql:// URI";
            return false;
        }

        location = Sqlite(ExpandHome(text));
        return true;
    }

    private static StateLocation Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        return new StateLocation(StateDialect.Sqlite, full, full, hasPassword: false);
    }

    private static bool TryPostgres(string connectionString, out StateLocation? location, out string? error)
    {
        location = null;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            error = $"invalid PostgreSQL connection string: {WithoutValues(e.Message, connectionString)} "
                + "(the form is Host=...;Username=...;Database=...; a value holding ';', quotes or spaces goes in double quotes, with \"\" for a double quote)";
            return false;
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            error = "the PostgreSQL connection string names no Host";
            return false;
        }

        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        var database = string.IsNullOrEmpty(builder.Database) ? string.Empty : "/" + builder.Database;
        var description = $"postgresql://{user}{builder.Host}:{builder.Port}{database}";
        error = null;
        location = new StateLocation(StateDialect.PostgreSql, builder.ConnectionString, description, !string.IsNullOrEmpty(builder.Password));
        return true;
    }

    /// <summary>
    /// Whether the text is meant as a keyword connection string: it names a host or server. Decided
    /// on the keywords alone, never by whether it parses, so that a connection string with a typo
    /// is an error rather than the name of a new, empty SQLite file.
    /// </summary>
    private static bool LooksLikeConnectionString(string text) => HostKeyword().IsMatch(text);

    /// <summary>The library's message with every value of the text replaced, since one may be a password.</summary>
    private static string WithoutValues(string message, string connectionString)
    {
        foreach (var part in connectionString.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var value = equals >= 0 ? part[(equals + 1)..].Trim().Trim('"', '\'') : string.Empty;
            if (value.Length > 0)
            {
                message = message.Replace(value, "***", StringComparison.Ordinal);
            }
        }

        return message;
    }

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostKeyword();

    private static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
            return home + path[1..];
        }

        return path;
    }

    public override string ToString() => Description;
}
