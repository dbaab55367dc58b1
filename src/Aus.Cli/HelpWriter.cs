using System.Collections;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;

namespace Aus.Cli;

/// <summary>
/// Writes a command's help exactly as System.CommandLine's own help does (sections, two-column layout,
/// wrapping, aliases, defaults), in plain loops over strings. System.CommandLine 2.0.0's help builder
/// runs LINQ over value tuples, which ReadyToRun cannot compile ahead of time, so the JIT took a third
/// of the time of `aus --help`; this code is compiled ahead of time with the rest of aus.
/// HelpWriterTests checks the output equals System.CommandLine's for every command, at several widths.
/// </summary>
internal sealed class HelpWriter
{
    private const string Indent = "  ";

    // System.CommandLine's texts: aus ships its English resources only (SatelliteResourceLanguages), so these are all it shows.
    private const string DescriptionTitle = "Description:";
    private const string UsageTitle = "Usage:";
    private const string ArgumentsTitle = "Arguments:";
    private const string OptionsTitle = "Options:";
    private const string CommandsTitle = "Commands:";
    private const string AdditionalArgumentsTitle = "Additional Arguments:";
    private const string AdditionalArgumentsDescription = "Arguments passed to the application that is being run.";
    private const string UsageCommand = "[command]";
    private const string UsageOptions = "[options]";
    private const string UsageAdditionalArguments = "[[--] <additional arguments>...]]";
    private const string RequiredLabel = "(REQUIRED)";
    private const string DefaultLabel = "default";

    private readonly int _maxWidth;
    private readonly TextWriter _output;

    public HelpWriter(int maxWidth, TextWriter output)
    {
        _maxWidth = maxWidth <= 0 ? int.MaxValue : maxWidth;
        _output = output;
    }

    public void Write(Command command)
    {
        if (command.Hidden)
        {
            return;
        }

        WriteHeading(DescriptionTitle, command.Description);
        _output.WriteLine();
        WriteHeading(UsageTitle, Usage(command));
        _output.WriteLine();
        if (WriteArguments(command))
        {
            _output.WriteLine();
        }

        if (WriteOptions(command))
        {
            _output.WriteLine();
        }

        if (WriteSubcommands(command))
        {
            _output.WriteLine();
        }

        if (!command.TreatUnmatchedTokensAsErrors)
        {
            WriteHeading(AdditionalArgumentsTitle, AdditionalArgumentsDescription);
            _output.WriteLine();
        }
    }

    private bool WriteArguments(Command command)
    {
        var rows = new List<Row>();
        var chain = CommandChain(command);
        foreach (var each in chain)
        {
            foreach (var argument in each.Arguments)
            {
                if (!argument.Hidden)
                {
                    AddDistinct(rows, ArgumentRow(argument));
                }
            }
        }

        return WriteSection(ArgumentsTitle, rows);
    }

    private bool WriteOptions(Command command)
    {
        var rows = new List<Row>();
        var addedHelpOption = false;

        // The command's own options, help and version last (a stable order otherwise).
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var option in command.Options)
            {
                var isHelpOrVersion = option is HelpOption or VersionOption;
                if (isHelpOrVersion != (pass == 1) || option.Hidden)
                {
                    continue;
                }

                addedHelpOption |= option is HelpOption;
                rows.Add(IdentifierRow(option));
            }
        }

        for (var parent = ParentCommand(command); parent is not null; parent = ParentCommand(parent))
        {
            foreach (var option in parent.Options)
            {
                if (option.Recursive && !option.Hidden && (option is not HelpOption || !addedHelpOption))
                {
                    rows.Add(IdentifierRow(option));
                }
            }
        }

        return WriteSection(OptionsTitle, rows);
    }

    private bool WriteSubcommands(Command command)
    {
        var rows = new List<Row>();
        foreach (var subcommand in command.Subcommands)
        {
            if (!subcommand.Hidden)
            {
                rows.Add(IdentifierRow(subcommand));
            }
        }

        return WriteSection(CommandsTitle, rows);
    }

    private bool WriteSection(string title, List<Row> rows)
    {
        if (rows.Count == 0)
        {
            return false;
        }

        WriteHeading(title, null);
        WriteColumns(rows);
        return true;
    }

    private void WriteHeading(string heading, string? description)
    {
        _output.WriteLine(heading);
        if (string.IsNullOrWhiteSpace(description))
        {
            return;
        }

        foreach (var part in Wrap(description, _maxWidth - Indent.Length))
        {
            _output.Write(Indent);
            _output.WriteLine(part);
        }
    }

    private void WriteColumns(List<Row> rows)
    {
        var firstWidth = 0;
        var secondWidth = 0;
        foreach (var row in rows)
        {
            firstWidth = Math.Max(firstWidth, row.First.Length);
            secondWidth = Math.Max(secondWidth, row.Second.Length);
        }

        if ((long)firstWidth + secondWidth + Indent.Length + Indent.Length > _maxWidth)
        {
            var firstMaxWidth = (_maxWidth / 2) - Indent.Length;
            if (firstWidth > firstMaxWidth)
            {
                firstWidth = 0;
                foreach (var row in rows)
                {
                    foreach (var part in Wrap(row.First, firstMaxWidth))
                    {
                        firstWidth = Math.Max(firstWidth, part.Length);
                    }
                }
            }

            secondWidth = _maxWidth - firstWidth - Indent.Length - Indent.Length;
        }

        foreach (var row in rows)
        {
            var firstParts = Wrap(row.First, firstWidth);
            var secondParts = Wrap(row.Second, secondWidth);
            var lines = Math.Max(firstParts.Count, secondParts.Count);
            for (var i = 0; i < lines; i++)
            {
                var first = i < firstParts.Count ? firstParts[i] : "";
                var second = i < secondParts.Count ? secondParts[i] : "";
                _output.Write(Indent);
                _output.Write(first);
                if (!string.IsNullOrWhiteSpace(second))
                {
                    // One space at a time: `new string(' ', n)` would need the JIT (a vectorized fill over chars).
                    for (var pad = first.Length; pad < firstWidth; pad++)
                    {
                        _output.Write(' ');
                    }

                    _output.Write(Indent);
                    _output.Write(second);
                }

                _output.WriteLine();
            }
        }
    }

    /// <summary>
    /// The text's lines, each line longer than <paramref name="maxWidth"/> broken after its last
    /// whitespace within the width (the whitespace stays at the end of the piece), or at the width.
    /// </summary>
    private static List<string> Wrap(string text, int maxWidth)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return parts;
        }

        // System.CommandLine would loop forever at a width below one; no terminal is that narrow.
        maxWidth = Math.Max(1, maxWidth);
        foreach (var line in text.Split(LineBreaks, StringSplitOptions.None))
        {
            if (line.Length <= maxWidth)
            {
                parts.Add(line);
                continue;
            }

            for (var i = 0; i < line.Length;)
            {
                if (line.Length - i < maxWidth)
                {
                    parts.Add(line.Substring(i));
                    break;
                }

                var length = -1;
                for (var j = 0; j + i < line.Length && j < maxWidth; j++)
                {
                    if (char.IsWhiteSpace(line[i + j]))
                    {
                        length = j + 1;
                    }
                }

                if (length == -1)
                {
                    length = maxWidth;
                }

                parts.Add(line.Substring(i, length));
                i += length;
            }
        }

        return parts;
    }

    private static readonly string[] LineBreaks = ["\r\n", "\n"];

    private static string Usage(Command command)
    {
        var parts = new List<string>();
        var showOptions = false;
        foreach (var each in CommandChain(command))
        {
            showOptions = showOptions || HasVisibleRecursiveOption(each);
            parts.Add(each.Name);
            if (each.Arguments.Count > 0)
            {
                parts.Add(ArgumentsUsage(each.Arguments));
            }
        }

        if (HasVisibleSubcommand(command))
        {
            parts.Add(UsageCommand);
        }

        if (showOptions || HasVisibleOption(command))
        {
            parts.Add(UsageOptions);
        }

        if (!command.TreatUnmatchedTokensAsErrors)
        {
            parts.Add(UsageAdditionalArguments);
        }

        var usage = "";
        foreach (var part in parts)
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                usage = usage.Length == 0 ? part : string.Concat(usage, " ", part);
            }
        }

        return usage;
    }

    /// <summary>"&lt;a&gt; [&lt;b&gt;...]": an optional argument opens a bracket that closes at the end.</summary>
    private static string ArgumentsUsage(IList<Argument> arguments)
    {
        var usage = "";
        var closing = "";
        foreach (var argument in arguments)
        {
            if (argument.Hidden)
            {
                continue;
            }

            var many = argument.Arity.MaximumNumberOfValues > 1 ? "..." : "";
            var optional = argument.Arity.MinimumNumberOfValues == 0;
            var label = string.Concat(optional ? "[<" : "<", argument.Name, ">", many);
            usage = usage.Length == 0 ? label : string.Concat(usage, " ", label);
            if (optional)
            {
                closing += "]";
            }
        }

        return usage + closing;
    }

    private static Row ArgumentRow(Argument argument)
    {
        var defaultValue = ShowsDefault(argument.HasDefaultValue, argument.ValueType)
            ? DefaultValueText(argument.GetDefaultValue(), DefaultLabel)
            : "";
        var description = argument.Description ?? "";
        return new Row(
            ArgumentLabel(argument),
            string.Concat(description, " ", defaultValue.Length == 0 ? "" : string.Concat("[", defaultValue, "]")).Trim());
    }

    /// <summary>An option's or a command's row: its names, what it takes, its description and default.</summary>
    private static Row IdentifierRow(Symbol symbol)
    {
        var label = Names(symbol);
        string defaults;
        if (symbol is Option option)
        {
            var value = option.Hidden ? null : OptionLabel(option);
            if (!string.IsNullOrWhiteSpace(value))
            {
                label = string.Concat(label, " ", value);
            }

            if (option.Required)
            {
                label = string.Concat(label, " ", RequiredLabel);
            }

            defaults = !option.Hidden && ShowsDefault(option.HasDefaultValue, option.ValueType)
                ? DefaultValueText(option.GetDefaultValue(), DefaultLabel)
                : "";
        }
        else
        {
            var command = (Command)symbol;
            var shown = new List<Argument>();
            foreach (var argument in command.Arguments)
            {
                if (argument.Hidden)
                {
                    continue;
                }

                var value = ArgumentLabel(argument);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    label = string.Concat(label, " ", value);
                }

                if (ShowsDefault(argument.HasDefaultValue, argument.ValueType))
                {
                    shown.Add(argument);
                }
            }

            defaults = "";
            for (var i = 0; i < shown.Count; i++)
            {
                var text = DefaultValueText(shown[i].GetDefaultValue(), shown.Count == 1 ? DefaultLabel : shown[i].Name);
                defaults = i == 0 ? text : string.Concat(defaults, ", ", text);
            }
        }

        var second = string.Concat(symbol.Description ?? "", " ", defaults.Length == 0 ? "" : string.Concat("[", defaults, "]"));
        return new Row(label, second.Trim());
    }

    /// <summary>
    /// The symbol's name and aliases, "-x" before "--xx" before "/x", each alphabetically, and each
    /// word once (so "--help, -h, /h, -?, /?" reads "-?, -h, --help").
    /// </summary>
    private static string Names(Symbol symbol)
    {
        var aliases = symbol is Option option ? option.Aliases : ((Command)symbol).Aliases;
        var count = aliases.Count + 1;
        var prefixes = new string?[count];
        var words = new string[count];
        Split(symbol.Name, out prefixes[0], out words[0]);
        var next = 1;
        foreach (var alias in aliases)
        {
            Split(alias, out prefixes[next], out words[next]);
            next++;
        }

        // Insertion sort: stable, as the order of equal names must be kept.
        for (var i = 1; i < count; i++)
        {
            var prefix = prefixes[i];
            var word = words[i];
            var j = i - 1;
            while (j >= 0 && CompareName(prefixes[j], words[j], prefix, word) > 0)
            {
                prefixes[j + 1] = prefixes[j];
                words[j + 1] = words[j];
                j--;
            }

            prefixes[j + 1] = prefix;
            words[j + 1] = word;
        }

        var names = "";
        for (var i = 0; i < count; i++)
        {
            var seen = false;
            for (var k = 0; k < i && !seen; k++)
            {
                seen = string.Equals(words[k], words[i], StringComparison.Ordinal);
            }

            if (!seen)
            {
                var name = string.Concat(prefixes[i], words[i]);
                names = names.Length == 0 ? name : string.Concat(names, ", ", name);
            }
        }

        return names;
    }

    private static int CompareName(string? prefixA, string wordA, string? prefixB, string wordB)
    {
        var byPrefix = string.Compare(prefixA, prefixB, StringComparison.OrdinalIgnoreCase);
        return byPrefix != 0 ? byPrefix : string.Compare(wordA, wordB, StringComparison.OrdinalIgnoreCase);
    }

    private static void Split(string alias, out string? prefix, out string word)
    {
        if (alias[0] == '/')
        {
            prefix = "/";
            word = alias.Substring(1);
        }
        else if (alias[0] == '-' && alias.Length > 1 && alias[1] == '-')
        {
            prefix = "--";
            word = alias.Substring(2);
        }
        else if (alias[0] == '-')
        {
            prefix = "-";
            word = alias.Substring(1);
        }
        else
        {
            prefix = null;
            word = alias;
        }
    }

    private static string ArgumentLabel(Argument argument) =>
        ValueLabel(argument.HelpName, argument.ValueType, argument.Arity, argument, argument.CompletionSources.Count)
        ?? string.Concat("<", argument.Name, ">");

    private static string OptionLabel(Option option) =>
        ValueLabel(option.HelpName, option.ValueType, option.Arity, option, option.CompletionSources.Count) ?? "";

    /// <summary>"&lt;HELPNAME&gt;", or the completions "&lt;a|b&gt;", or an option's name; none for a flag.</summary>
    private static string? ValueLabel(string? helpName, Type valueType, ArgumentArity arity, Symbol symbol, int completionSources)
    {
        if (!string.IsNullOrWhiteSpace(helpName))
        {
            return string.Concat("<", helpName, ">");
        }

        if (valueType == typeof(bool) || valueType == typeof(bool?) || arity.MaximumNumberOfValues <= 0)
        {
            return null;
        }

        if (completionSources <= 0)
        {
            return symbol is Option ? string.Concat("<", symbol.Name.TrimStart('-', '/'), ">") : null;
        }

        var joined = "";
        var first = true;
        foreach (var completion in symbol.GetCompletions(CompletionContext.Empty))
        {
            joined = first ? completion.Label : string.Concat(joined, "|", completion.Label);
            first = false;
        }

        return joined.Length > 0 ? string.Concat("<", joined, ">") : null;
    }

    private static bool ShowsDefault(bool hasDefault, Type valueType) =>
        hasDefault && valueType != typeof(bool) && valueType != typeof(bool?);

    /// <summary>"default: X" (or "NAME: X" among several), or nothing when the default shows as blank.</summary>
    private static string DefaultValueText(object? value, string label)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            IEnumerable values => JoinValues(values),
            _ => value.ToString() ?? "",
        };
        return string.IsNullOrWhiteSpace(text) ? "" : string.Concat(label, ": ", text);
    }

    private static string JoinValues(IEnumerable values)
    {
        var joined = "";
        var first = true;
        foreach (var value in values)
        {
            joined = first ? value?.ToString() ?? "" : string.Concat(joined, "|", value?.ToString());
            first = false;
        }

        return joined;
    }

    private static bool HasVisibleRecursiveOption(Command command)
    {
        foreach (var option in command.Options)
        {
            if (option.Recursive && !option.Hidden)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVisibleOption(Command command)
    {
        foreach (var option in command.Options)
        {
            if (!option.Hidden)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVisibleSubcommand(Command command)
    {
        foreach (var subcommand in command.Subcommands)
        {
            if (!subcommand.Hidden)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The commands from the root down to <paramref name="command"/>.</summary>
    private static List<Command> CommandChain(Command command)
    {
        var chain = new List<Command>();
        for (Command? each = command; each is not null; each = ParentCommand(each))
        {
            chain.Insert(0, each);
        }

        return chain;
    }

    private static Command? ParentCommand(Symbol symbol)
    {
        foreach (var parent in symbol.Parents)
        {
            if (parent is Command command)
            {
                return command;
            }
        }

        return null;
    }

    private static void AddDistinct(List<Row> rows, Row row)
    {
        foreach (var existing in rows)
        {
            if (existing.First == row.First && existing.Second == row.Second)
            {
                return;
            }
        }

        rows.Add(row);
    }

    /// <summary>One entry of a two-column section.</summary>
    private sealed class Row(string first, string second)
    {
        public string First { get; } = first;

        public string Second { get; } = second;
    }
}
