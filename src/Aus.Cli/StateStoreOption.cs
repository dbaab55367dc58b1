using System.CommandLine;
using Aus.Storage;

namespace Aus.Cli;

/// <summary>
/// The shared <c>--state URI</c> option: the command line wins over <c>AUS_STATE</c>, which wins
/// over the default SQLite file. A password is refused on the command line (credentials never go
/// there: the process list and shell history show them); it belongs in AUS_STATE, PGPASSWORD or ~/.pgpass.
/// </summary>
internal static class StateStoreOption
{
    public const string EnvironmentVariable = "AUS_STATE";

    public static Option<string?> Create() => new("--state")
    {
        Description = "The state store: a SQLite file, or a PostgreSQL postgresql:// URI or Host=... connection string. [default: AUS_STATE, else the SQLite file $XDG_DATA_HOME/aus/state.db]",
        HelpName = "URI",
    };

    public static bool TryResolve(ParseResult parse, Option<string?> option, out StateLocation? location, out string? error)
    {
        var fromCommandLine = parse.GetValue(option);
        var text = string.IsNullOrWhiteSpace(fromCommandLine) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : fromCommandLine;
        if (!StateLocation.TryParse(text, out location, out error))
        {
            var source = string.IsNullOrWhiteSpace(fromCommandLine) ? EnvironmentVariable : "--state";
            error = $"{source}: {error}";
            return false;
        }

        if (!string.IsNullOrWhiteSpace(fromCommandLine) && location!.HasPassword)
        {
            location = null;
            error = "--state: a password does not go on the command line; put the URI in AUS_STATE, or the password in PGPASSWORD or ~/.pgpass";
            return false;
        }

        return true;
    }
}
