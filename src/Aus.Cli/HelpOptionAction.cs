using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Aus.Cli;

/// <summary>
/// What `--help` does, for every command: <see cref="HelpWriter"/> writes the same text as
/// System.CommandLine's help, ahead-of-time compiled.
/// </summary>
internal sealed class HelpOptionAction : SynchronousCommandLineAction
{
    private int _maxWidth = -1;

    /// <summary>The width help is wrapped at: the terminal's, or none when the output is redirected (as System.CommandLine's).</summary>
    public int MaxWidth
    {
        get
        {
            if (_maxWidth < 0)
            {
                try
                {
                    _maxWidth = Console.IsOutputRedirected ? int.MaxValue : Console.WindowWidth;
                }
                catch (Exception e) when (e is IOException or PlatformNotSupportedException)
                {
                    _maxWidth = int.MaxValue;
                }
            }

            return _maxWidth;
        }
        set => _maxWidth = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override bool ClearsParseErrors => true;

    /// <summary>Makes every command's --help use this action: the root's help option is recursive.</summary>
    public static void UseFor(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new HelpOptionAction();
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        new HelpWriter(MaxWidth, parseResult.InvocationConfiguration.Output).Write(parseResult.CommandResult.Command);
        return 0;
    }
}
