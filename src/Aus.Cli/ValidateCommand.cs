using System.CommandLine;

namespace Aus.Cli;

/// <summary>`aus validate FILE...`: placeholder wiring, completed by the policy reader work.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Organization files, fleet snapshots or soak histories (YAML or JSON), or directories of them.",
        };
        var command = new Command("validate", "Validate policy files and print every error and warning.") { files };
        command.SetAction((parse, _) => Task.FromResult(ExitCodes.Success));
        return command;
    }
}
