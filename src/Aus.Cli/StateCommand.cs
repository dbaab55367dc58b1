using System.CommandLine;
using System.Text;
using System.Text.Json;
using Aus.Application.Ports;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Policies.History;
using Aus.Storage;

namespace Aus.Cli;

/// <summary>
/// <c>aus state export</c> and <c>aus state import</c>: the soak histories in qontract-reconcile's
/// JSON (versions and check_in), so installations move between qontract-reconcile and aus. One
/// organization's history is a bare history document; several are an object keyed by organization
/// id, with <c>ORGID/ADDONID</c> keys for add-on histories. One run covers one OCM environment.
/// </summary>
internal static class StateCommand
{
    private const string DefaultEnvironment = "production";
    private static readonly string[] HistoryKeys = ["check_in", "versions", "stats"];

    public static Command Create()
    {
        var command = new Command("state", "Export or import the soak histories the state store keeps.");
        command.Subcommands.Add(CreateExport());
        command.Subcommands.Add(CreateImport());
        return command;
    }

    private static Option<string?> OrganizationOption(string description) => new("--org") { Description = description, HelpName = "ORGID" };

    private static Option<string?> AddonOption() => new("--addon") { Description = "An add-on's history of the organization instead of the organization's own.", HelpName = "ADDONID" };

    private static Option<string> EnvironmentOption() => new("--env")
    {
        Description = "The OCM environment the histories belong to.",
        HelpName = "NAME",
        DefaultValueFactory = _ => DefaultEnvironment,
    };

    private static Command CreateExport()
    {
        var org = OrganizationOption("Print this organization's history alone, as one history document.");
        var addon = AddonOption();
        var environment = EnvironmentOption();
        var state = StateStoreOption.Create();
        var command = new Command(
            "export",
            "Print the soak histories in the reference's JSON: one organization's history with --org, otherwise an object keyed by organization id (ORGID/ADDONID for add-on histories).")
        {
            org, addon, environment, state,
        };
        command.SetAction((parse, cancellationToken) => ExportAsync(
            parse,
            parse.GetValue(org),
            parse.GetValue(addon),
            parse.GetValue(environment)!,
            state,
            cancellationToken));
        return command;
    }

    private static Command CreateImport()
    {
        var file = new Argument<string>("FILE") { Description = "A history document, or an object of them keyed by organization id ('-' reads standard input)." };
        var org = OrganizationOption("Whose history a single-organization document is; with a keyed document, import only this organization.");
        var addon = AddonOption();
        var environment = EnvironmentOption();
        var state = StateStoreOption.Create();
        var command = new Command(
            "import",
            "Replace stored soak histories with those of FILE, in the reference's JSON. Everything is checked before anything is written.")
        {
            file, org, addon, environment, state,
        };
        command.SetAction((parse, cancellationToken) => ImportAsync(
            parse,
            parse.GetValue(file)!,
            parse.GetValue(org),
            parse.GetValue(addon),
            parse.GetValue(environment)!,
            state,
            cancellationToken));
        return command;
    }

    /// <summary>The store export and import work on, after checking that --addon comes with --org; null when either is wrong (printed).</summary>
    private static async Task<StateLocation?> ResolveTargetAsync(ParseResult parse, string? org, string? addon, Option<string?> stateOption, TextWriter stderr)
    {
        if (addon is not null && org is null)
        {
            await stderr.WriteLineAsync("aus: error: --addon needs --org");
            return null;
        }

        if (!StateStoreOption.TryResolve(parse, stateOption, out var location, out var error))
        {
            await stderr.WriteLineAsync($"aus: error: {error}");
            return null;
        }

        return location;
    }

    private static async Task<int> ExportAsync(
        ParseResult parse,
        string? org,
        string? addon,
        string environment,
        Option<string?> stateOption,
        CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var location = await ResolveTargetAsync(parse, org, addon, stateOption, stderr);
        if (location is null)
        {
            return ExitCodes.Usage;
        }

        IReadOnlyList<StoredHistory> histories;
        try
        {
            // MustExist: a mistyped --state is an error, not an empty store (and creates no file).
            await using var store = await GuardedStateStore.OpenAsync(location, new StateStoreOptions { MustExist = true }, cancellationToken);
            histories = await store.ListHistoriesAsync(environment, cancellationToken);
        }
        catch (StateStoreException e)
        {
            await stderr.WriteLineAsync($"aus: error: {e.Message}");
            return e.InnerException is FileNotFoundException ? ExitCodes.Usage : ExitCodes.Invalid;
        }

        if (org is not null)
        {
            var key = new HistoryKey(new EnvironmentName(environment), new OrganizationId(org), addon);
            var found = histories.FirstOrDefault(h => h.Key == key);
            if (found is null)
            {
                await stderr.WriteLineAsync($"aus: error: {location.Description} holds no history for {key}");
                return ExitCodes.Invalid;
            }

            await stdout.WriteLineAsync(VersionHistoryJson.Write(found.History));
            return ExitCodes.Success;
        }

        await stdout.WriteLineAsync(WriteKeyed(histories));
        return ExitCodes.Success;
    }

    private static async Task<int> ImportAsync(
        ParseResult parse,
        string file,
        string? org,
        string? addon,
        string environment,
        Option<string?> stateOption,
        CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (string.IsNullOrWhiteSpace(environment))
        {
            await stderr.WriteLineAsync("aus: error: --env needs an environment name");
            return ExitCodes.Usage;
        }

        var location = await ResolveTargetAsync(parse, org, addon, stateOption, stderr);
        if (location is null)
        {
            return ExitCodes.Usage;
        }

        string json;
        try
        {
            json = file == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(file, Encoding.UTF8, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"aus: error: cannot read {file}: {e.Message}");
            return ExitCodes.Usage;
        }

        var read = ReadDocument(json, environment, org, addon);
        if (read.UsageError is { } usage)
        {
            await stderr.WriteLineAsync($"aus: error: {file}: {usage}");
            return ExitCodes.Usage;
        }

        if (read.Errors.Count > 0)
        {
            foreach (var problem in read.Errors)
            {
                await stderr.WriteLineAsync($"{file}: error: {problem}");
            }

            return ExitCodes.Invalid;
        }

        try
        {
            // Exclusive: an import under a serving process would be overwritten by its next pass.
            await using var store = await GuardedStateStore.OpenAsync(location, new StateStoreOptions { ExclusiveProcess = true }, cancellationToken);
            await store.ImportHistoriesAsync(read.Histories, cancellationToken);
        }
        catch (StateStoreException e)
        {
            await stderr.WriteLineAsync($"aus: error: {e.Message}");
            return ExitCodes.Invalid;
        }
        catch (ArgumentException e)
        {
            // The store refuses a history that would make soak run backwards (checked in in the future, negative soak).
            await stderr.WriteLineAsync($"aus: error: {file}: {WithoutParameterName(e)}");
            return ExitCodes.Invalid;
        }

        await stdout.WriteLineAsync($"imported {read.Histories.Count} {(read.Histories.Count == 1 ? "history" : "histories")} into {location.Description} (environment {environment})");
        return ExitCodes.Success;
    }

    /// <summary>The refusal's text without the " (Parameter 'histories')" that ArgumentException appends.</summary>
    private static string WithoutParameterName(ArgumentException e)
    {
        var suffix = e.ParamName is null ? null : $" (Parameter '{e.ParamName}')";
        return suffix is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }

    /// <summary>What an import file holds: the histories to store, or why it cannot be used.</summary>
    private sealed record ImportDocument(IReadOnlyList<StoredHistory> Histories, IReadOnlyList<string> Errors, string? UsageError);

    private static ImportDocument ReadDocument(string json, string environment, string? org, string? addon)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // The codec words the parse error (line number and all) the same way for every history file.
            VersionHistoryJson.Read(json, out var parseErrors);
            return new ImportDocument([], parseErrors.Count > 0 ? parseErrors : [e.Message], null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ImportDocument([], ["$: expected a history object, or an object of them keyed by organization id"], null);
            }

            var single = root.EnumerateObject().Any(p => HistoryKeys.Contains(p.Name, StringComparer.Ordinal));
            var errors = new List<string>();
            var histories = new List<StoredHistory>();
            if (single)
            {
                if (org is null)
                {
                    return new ImportDocument([], [], "this is one organization's history; say whose with --org ORGID");
                }

                var history = VersionHistoryJson.Read(root, errors);
                if (history is not null)
                {
                    histories.Add(new StoredHistory(new HistoryKey(new EnvironmentName(environment), new OrganizationId(org), addon), history));
                }

                return new ImportDocument(histories, errors, null);
            }

            if (addon is not null)
            {
                return new ImportDocument([], [], "--addon applies to one organization's history document; a keyed document names add-ons as ORGID/ADDONID");
            }

            var matched = false;
            foreach (var entry in root.EnumerateObject())
            {
                var path = $"$[\"{entry.Name}\"]";
                if (!TryParseKey(entry.Name, out var entryOrg, out var entryAddon))
                {
                    errors.Add($"{path}: expected an organization id or ORGID/ADDONID as the key");
                    continue;
                }

                if (org is not null && entryOrg != org)
                {
                    continue;
                }

                matched = true;
                var problems = new List<string>();
                var history = VersionHistoryJson.Read(entry.Value, problems);

                // The codec's paths start at the history; here the history sits under its organization's key.
                errors.AddRange(problems.Select(p => p.StartsWith('$') ? path + p[1..] : $"{path}: {p}"));
                if (history is not null)
                {
                    histories.Add(new StoredHistory(new HistoryKey(new EnvironmentName(environment), new OrganizationId(entryOrg), entryAddon), history));
                }
            }

            if (org is not null && !matched)
            {
                errors.Add($"$: holds no history for organization {org}");
            }

            return new ImportDocument(histories, errors, null);
        }
    }

    private static bool TryParseKey(string key, out string org, out string? addon)
    {
        var parts = key.Split('/');
        org = parts[0];
        addon = parts.Length == 2 ? parts[1] : null;
        return parts.Length <= 2 && parts.All(p => p.Length > 0 && !p.Any(char.IsWhiteSpace));
    }

    private static string WriteKeyed(IReadOnlyList<StoredHistory> histories)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, VersionHistoryJson.WriterOptions(indented: true)))
        {
            writer.WriteStartObject();
            foreach (var (key, history) in histories)
            {
                writer.WritePropertyName(key.AddonId is null ? key.OrganizationId.Value : $"{key.OrganizationId}/{key.AddonId}");
                VersionHistoryJson.Write(writer, history);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
