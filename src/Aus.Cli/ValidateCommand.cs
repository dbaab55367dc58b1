using System.CommandLine;
using Aus.Policies.Files;
using Aus.Policies.Organizations;

namespace Aus.Cli;

/// <summary>`aus validate FILE...`: checks organization files, fleet snapshots and soak histories and prints every problem.</summary>
internal static class ValidateCommand
{
    private static readonly string[] Extensions = [".yml", ".yaml", ".json"];

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files (YAML or JSON) or directories (every *.yml, *.yaml and *.json file directly in them). "
                + "A file with top-level 'organizations' is a fleet snapshot, one with 'versions' or 'check_in' a soak history, "
                + "any other an organization file. Problems go to stderr as FILE:LINE:COL: error: MESSAGE, a summary to stdout.",
        };
        var command = new Command(
            "validate",
            "Check organization files, fleet snapshots and soak histories and print every error and warning "
            + "(exit status 0: valid, 1: errors, 2: a file cannot be read).")
        {
            files,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var configuration = parse.InvocationConfiguration;
            return RunAsync(parse.GetValue(files) ?? [], configuration.Output, configuration.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var unreadable = false;
        var checkedFiles = 0;
        var errors = 0;
        var warnings = 0;
        var organizations = new List<OrganizationDocument>();
        foreach (var argument in arguments)
        {
            var paths = Expand(argument);
            if (paths.Count == 0)
            {
                await stderr.WriteLineAsync($"aus: error: {argument}: the directory holds no .yml, .yaml or .json files").ConfigureAwait(false);
                unreadable = true;
                continue;
            }

            foreach (var path in paths)
            {
                checkedFiles++;
                var source = await SourceFiles.LoadAsync(path, cancellationToken).ConfigureAwait(false);
                if (!source.IsReadable)
                {
                    await stderr.WriteLineAsync($"aus: error: {path}: {source.Error!.Message}").ConfigureAwait(false);
                    unreadable = true;
                    errors++;
                    continue;
                }

                var (_, diagnostics, organization) = PolicyFiles.Validate(source);
                if (organization is not null)
                {
                    organizations.Add(organization);
                }

                foreach (var diagnostic in diagnostics)
                {
                    await stderr.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                    if (diagnostic.IsError)
                    {
                        errors++;
                    }
                    else
                    {
                        warnings++;
                    }
                }
            }
        }

        // Files given together form one configuration: an orgId may appear in one of them only.
        foreach (var duplicate in OrganizationSet.CheckUniqueOrgIds(organizations))
        {
            await stderr.WriteLineAsync(duplicate.ToString()).ConfigureAwait(false);
            errors++;
        }

        await stdout.WriteLineAsync(Summary(checkedFiles, errors, warnings)).ConfigureAwait(false);
        return ExitStatus.Of(unreadable, errors > 0);
    }

    /// <summary>A directory stands for the policy files directly in it, sorted by name; anything else for itself.</summary>
    private static List<string> Expand(string argument)
    {
        if (!Directory.Exists(argument))
        {
            return [argument];
        }

        return [.. Directory.EnumerateFiles(argument)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
    }

    private static string Summary(int files, int errors, int warnings)
    {
        var checkedText = Count(files, "file");
        return errors == 0 && warnings == 0
            ? $"{checkedText} valid"
            : $"{checkedText} checked: {Count(errors, "error")}, {Count(warnings, "warning")}";
    }

    private static string Count(int count, string noun) => Output.Plural.Count(count, noun);
}
