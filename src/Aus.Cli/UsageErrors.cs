using System.CommandLine;
using System.CommandLine.Parsing;

namespace Aus.Cli;

/// <summary>
/// What a mistyped command line gets: the problem, a "did you mean" when a command or option is close
/// to what was typed, and the usage line of the command that was being typed, not of `aus` as a whole.
/// </summary>
internal static class UsageErrors
{
    public static async Task WriteAsync(ParseResult parse, TextWriter stderr)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var unmatched = parse.UnmatchedTokens;
        foreach (var token in Unknown(parse))
        {
            await stderr.WriteLineAsync($"aus: error: {Unknown(command, token)}");
        }

        // A mistyped command also leaves its parent without one; the typo is the error worth reading.
        var others = parse.Errors.Where(e => !unmatched.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)));
        foreach (var error in unmatched.Count > 0 && IsMissingCommand(command) ? [] : others)
        {
            var message = IsMissingCommand(command)
                ? $"which command? One of: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}."
                : error.Message;
            await stderr.WriteLineAsync($"aus: error: {message}");
            if (IsMissingCommand(command))
            {
                break;
            }
        }

        await stderr.WriteLineAsync($"Usage: {path}{UsageTail(command)}");
        await stderr.WriteLineAsync($"Run '{path} --help' for the options.");
    }

    /// <summary>The closest of <paramref name="candidates"/> to what was typed, if one is near enough to be a typo.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var allowed = Math.Max(1, typed.TrimStart('-').Length / 3);
        return best.Name is not null && best.Distance <= allowed ? best.Name : null;
    }

    /// <summary>
    /// The tokens to report as unknown. A mistyped command leaves the rest of the line unmatched too:
    /// only the command is named. A mistyped --option leaves its value unmatched: only the option is
    /// named; and a command with an argument takes an unknown --option as that argument.
    /// </summary>
    private static List<string> Unknown(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens;
        if (IsMissingCommand(parse.CommandResult.Command) && unmatched.Count > 0)
        {
            return [unmatched[0]];
        }

        var options = parse.Tokens
            .Where(t => t.Type == TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal) && !unmatched.Contains(t.Value))
            .Select(t => t.Value)
            .Concat(unmatched.Where(t => t.StartsWith('-')))
            .ToList();
        return options.Count > 0 ? options : [.. unmatched];
    }

    private static string Unknown(Command command, string token)
    {
        var isOption = token.StartsWith('-');
        var candidates = isOption
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var closest = Closest(token, candidates);
        var what = isOption ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
        return closest is null ? $"unknown {what} '{token}'" : $"unknown {what} '{token}'; did you mean '{closest}'?";
    }

    private static bool IsMissingCommand(Command command) => command.Subcommands.Count > 0 && command.Action is null;

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult c)
            {
                names.Insert(0, c.Command is RootCommand ? "aus" : c.Command.Name);
            }
        }

        return string.Join(' ', names);
    }

    private static string UsageTail(Command command)
    {
        var parts = new List<string>();
        if (command.Subcommands.Count > 0)
        {
            parts.Add("COMMAND");
        }

        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => a.Name));
        if (command.Options.Any(o => !o.Hidden && o.Required))
        {
            parts.AddRange(command.Options.Where(o => !o.Hidden && o.Required).Select(o => $"{o.Name} <{o.HelpName}>"));
        }

        parts.Add("[options]");
        return " " + string.Join(' ', parts);
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
