using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aus.Application.Ports;
using Aus.Cli.Output;
using Aus.Domain.Controls;
using Aus.Domain.Planning;
using Aus.Domain.Versions;
using Aus.Storage;
using Aus.Storage.Controls;

namespace Aus.Cli;

/// <summary>
/// <c>aus pause</c>, <c>aus resume</c>, <c>aus approve</c> and <c>aus controls</c>: the rollout
/// safety controls in the state store, shared by every replica and taken up at the next pass.
/// Each change is recorded with who made it (the operating-system user name) and audited.
/// </summary>
internal static class ControlsCommands
{
    private const string DefaultEnvironment = "production";

    /// <summary>The options every control command shares.</summary>
    private sealed class Common
    {
        public Option<string> Org { get; } = new("--org") { Description = "The OCM organization id.", HelpName = "ORGID", Required = true };

        public Option<string> Environment { get; } = new("--env")
        {
            Description = "The OCM environment of the organization (its file's environment).",
            HelpName = "NAME",
            DefaultValueFactory = _ => DefaultEnvironment,
        };

        public Option<string?> State { get; } = StateStoreOption.Create();
    }

    /// <summary>The scope options of pause and resume: none for the whole organization, or one of them.</summary>
    private sealed class Scope
    {
        public Option<string?> Sector { get; } = new("--sector") { Description = "Only this sector's clusters.", HelpName = "NAME" };

        public Option<string?> Cluster { get; } = new("--cluster") { Description = "Only this cluster.", HelpName = "NAME" };

        public Option<string?> Version { get; } = new("--version") { Description = "Only upgrades to this version, in every cluster of the organization.", HelpName = "VERSION" };

        public (PauseScope Scope, string? Target)? Resolve(ParseResult parse, out string? error)
        {
            error = null;
            var given = new (PauseScope Scope, string? Target)[]
            {
                (PauseScope.Sector, parse.GetValue(Sector)),
                (PauseScope.Cluster, parse.GetValue(Cluster)),
                (PauseScope.Version, parse.GetValue(Version)),
            }.Where(g => g.Target is not null).ToList();
            if (given.Count > 1)
            {
                error = "give at most one of --sector, --cluster and --version";
                return null;
            }

            if (given.Count == 0)
            {
                return (PauseScope.Organization, null);
            }

            var (scope, target) = given[0];
            if (string.IsNullOrWhiteSpace(target))
            {
                error = $"--{scope.ToString().ToLowerInvariant()} needs a value";
                return null;
            }

            if (scope == PauseScope.Version && !OpenShiftVersion.TryParse(target, out _, out var versionError))
            {
                error = $"--version: {versionError}";
                return null;
            }

            return (scope, target);
        }
    }

    public static Command CreatePause(TimeProvider time)
    {
        var common = new Common();
        var scope = new Scope();
        var reason = new Option<string?>("--reason") { Description = "Why, for whoever reads the plan or `aus controls`.", HelpName = "TEXT" };
        var until = new Option<string?>("--until") { Description = "Lift the pause by itself at this RFC 3339 time.", HelpName = "TIME" };
        var cancelScheduled = new Option<bool>("--cancel-scheduled")
        {
            Description = "Also delete, at the next pass, the upgrade policies in scope that have not started yet (OCM state pending or scheduled).",
        };
        var command = new Command(
            "pause",
            "Stop new upgrades of the organization, or of one sector, cluster or version, until `aus resume` (or --until). Upgrade policies already in OCM stay, unless --cancel-scheduled.")
        {
            common.Org, scope.Sector, scope.Cluster, scope.Version, reason, until, cancelScheduled, common.Environment, common.State,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var resolved = scope.Resolve(parse, out var error);
            DateTimeOffset? untilTime = null;
            if (error is null && parse.GetValue(until) is { } untilText)
            {
                untilTime = InputFiles.ParseRfc3339(untilText);
                error = untilTime is null
                    ? $"--until: '{untilText}' is not an RFC 3339 time; expected a time such as 2026-11-23T13:00:00Z"
                    : untilTime <= time.GetUtcNow() ? $"--until: {TimeFormat.Format(untilTime.Value)} has already passed" : null;
            }

            if (error is not null)
            {
                await stderr.WriteLineAsync($"aus: error: {error}");
                return ExitCodes.Usage;
            }

            var (pauseScope, target) = resolved!.Value;
            var pause = new StoredPause(
                parse.GetValue(common.Environment)!, parse.GetValue(common.Org)!, pauseScope, target, NullIfBlank(parse.GetValue(reason)), untilTime, Who, time.GetUtcNow())
            {
                CancelScheduled = parse.GetValue(cancelScheduled),
            };
            return await WithStoreAsync(parse, common.State, create: true, async controls =>
            {
                await controls.PauseAsync(pause, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"paused: {Describe(pause)}");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    public static Command CreateResume(TimeProvider time)
    {
        var common = new Common();
        var scope = new Scope();
        var command = new Command(
            "resume",
            "Lift the pause of the organization, or of one sector, cluster or version. --version also lifts the version's halt and forgives the failed upgrades that caused it.")
        {
            common.Org, scope.Sector, scope.Cluster, scope.Version, common.Environment, common.State,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var resolved = scope.Resolve(parse, out var error);
            if (error is not null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"aus: error: {error}");
                return ExitCodes.Usage;
            }

            var (pauseScope, target) = resolved!.Value;
            var org = parse.GetValue(common.Org)!;
            var environment = parse.GetValue(common.Environment)!;
            var what = Subject(pauseScope, target, org, environment);
            return await WithStoreAsync(parse, common.State, create: false, async controls =>
            {
                var lifted = await controls.ResumeAsync(environment, org, pauseScope, target, Who, time.GetUtcNow(), cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync(lifted ? $"resumed: {what}" : $"nothing to resume: no pause{(pauseScope == PauseScope.Version ? " or halt" : string.Empty)} of {what} is in force");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    public static Command CreateApprove(TimeProvider time)
    {
        var common = new Common();
        var sector = new Option<string>("--sector") { Description = "The sector (one with requireApproval: true).", HelpName = "NAME", Required = true };
        var version = new Option<string>("--version") { Description = "The version its clusters may now upgrade to.", HelpName = "VERSION", Required = true };
        var note = new Option<string?>("--note") { Description = "A note kept with the approval and in the audit log.", HelpName = "TEXT" };
        var command = new Command("approve", "Let the clusters of a sector that requires approval upgrade to one version.")
        {
            common.Org, sector, version, note, common.Environment, common.State,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var versionText = parse.GetValue(version)!;
            if (!OpenShiftVersion.TryParse(versionText, out _, out var versionError) || string.IsNullOrWhiteSpace(parse.GetValue(sector)))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"aus: error: {(versionError is { Length: > 0 } ? $"--version: {versionError}" : "--sector needs a value")}");
                return ExitCodes.Usage;
            }

            var approval = new StoredApproval(
                parse.GetValue(common.Environment)!, parse.GetValue(common.Org)!, parse.GetValue(sector)!, versionText, NullIfBlank(parse.GetValue(note)), Who, time.GetUtcNow());
            return await WithStoreAsync(parse, common.State, create: true, async controls =>
            {
                await controls.ApproveAsync(approval, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"approved: {approval.Version} for sector {approval.Sector} of organization {approval.OrganizationId} ({approval.Environment})");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    public static Command CreateList(TimeProvider time)
    {
        var org = new Option<string?>("--org") { Description = "Only this organization.", HelpName = "ORGID" };
        var environment = new Option<string?>("--env") { Description = "Only this OCM environment.", HelpName = "NAME" };
        var output = new Option<string>("--output") { Description = "table (for people) or json (for scripts).", HelpName = "table|json", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var state = StateStoreOption.Create();
        var command = new Command("controls", "List the pauses, approvals, halted versions and recorded failed upgrades in the state store.")
        {
            org, environment, output, state,
        };
        command.SetAction(async (parse, cancellationToken) => await WithStoreAsync(parse, state, create: false, async controls =>
        {
            var stored = await controls.GetControlsAsync(parse.GetValue(environment), parse.GetValue(org), cancellationToken);
            var text = parse.GetValue(output) == "json" ? ControlsJson(stored, time.GetUtcNow()) : ControlsTable(stored, time.GetUtcNow());
            await parse.InvocationConfiguration.Output.WriteAsync(text);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>Who changes a control: the operating-system user running aus.</summary>
    private static string Who => string.IsNullOrWhiteSpace(Environment.UserName) ? "unknown" : Environment.UserName;

    /// <summary>
    /// Opens the store and runs the work. Without <paramref name="create"/>, a SQLite file that does
    /// not exist yet holds no controls: it is not created just to be read.
    /// </summary>
    private static async Task<int> WithStoreAsync(
        ParseResult parse,
        Option<string?> stateOption,
        bool create,
        Func<IRolloutControlStore, Task<int>> work,
        CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if (!StateStoreOption.TryResolve(parse, stateOption, out var location, out var error))
        {
            await stderr.WriteLineAsync($"aus: error: {error}");
            return ExitCodes.Usage;
        }

        try
        {
            if (!create && location!.Dialect == StateDialect.Sqlite && !File.Exists(location.Target))
            {
                return await work(EmptyControls.Instance);
            }

            await using var store = await GuardedStateStore.OpenAsync(location!, cancellationToken: cancellationToken);
            return await work(StateStore.Controls(store));
        }
        catch (StateStoreException e)
        {
            await stderr.WriteLineAsync($"aus: error: {e.Message}");
            return ExitCodes.Invalid;
        }
    }

    private static string Describe(StoredPause pause)
    {
        var text = new StringBuilder(Subject(pause.Scope, pause.Target, pause.OrganizationId, pause.Environment));
        if (pause.Until is { } until)
        {
            text.Append(CultureInfo.InvariantCulture, $" until {TimeFormat.Format(until)}");
        }

        if (pause.CancelScheduled)
        {
            text.Append(", cancelling scheduled upgrades");
        }

        if (pause.Reason is { } reason)
        {
            text.Append(CultureInfo.InvariantCulture, $": {reason}");
        }

        return text.ToString();
    }

    /// <summary>What a pause covers, in words: "organization org-a (production)", "sector prod of organization org-a (production)".</summary>
    private static string Subject(PauseScope scope, string? target, string organizationId, string environment)
    {
        var organization = $"organization {organizationId} ({environment})";
        return scope == PauseScope.Organization ? organization : $"{new RolloutPause { Scope = scope, Target = target }.ScopeText} of {organization}";
    }

    private static string ControlsTable(StoredControls controls, DateTimeOffset now)
    {
        var text = new StringBuilder();
        if (controls.Pauses.IsEmpty && controls.Approvals.IsEmpty && controls.Halts.IsEmpty && controls.Failures.IsEmpty)
        {
            return "no rollout controls in force\n";
        }

        foreach (var pause in controls.Pauses)
        {
            var expired = pause.ToPause().IsActiveAt(now) ? string.Empty : " (expired)";
            text.Append(CultureInfo.InvariantCulture, $"pause     {pause.OrganizationId} ({pause.Environment}) {pause.ToPause().ScopeText}{expired}");
            text.Append(CultureInfo.InvariantCulture, $", by {pause.PausedBy} at {TimeFormat.Format(pause.PausedAt)}");
            if (pause.Until is { } until)
            {
                text.Append(CultureInfo.InvariantCulture, $", until {TimeFormat.Format(until)}");
            }

            if (pause.CancelScheduled)
            {
                text.Append(", cancelling scheduled upgrades");
            }

            text.Append(pause.Reason is { } reason ? $": {reason}\n" : "\n");
        }

        foreach (var approval in controls.Approvals)
        {
            text.Append(CultureInfo.InvariantCulture, $"approval  {approval.OrganizationId} ({approval.Environment}) sector {approval.Sector} version {approval.Version}, by {approval.ApprovedBy} at {TimeFormat.Format(approval.ApprovedAt)}");
            text.Append(approval.Note is { } note ? $": {note}\n" : "\n");
        }

        foreach (var halt in controls.Halts)
        {
            text.Append(CultureInfo.InvariantCulture, $"halt      {halt.OrganizationId} ({halt.Environment}) version {halt.Version}, at {TimeFormat.Format(halt.HaltedAt)}");
            text.Append(halt.Reason is { } reason ? $": {reason}\n" : "\n");
        }

        foreach (var failure in controls.Failures)
        {
            var cleared = failure.ClearedAt is { } at ? $", cleared at {TimeFormat.Format(at)}" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"failure   {failure.OrganizationId} ({failure.Environment}) cluster {failure.Cluster} version {failure.Version}, seen at {TimeFormat.Format(failure.SeenAt)}{cleared}\n");
        }

        return text.ToString();
    }

    private static string ControlsJson(StoredControls controls, DateTimeOffset now) =>
        JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("pauses");
            foreach (var pause in controls.Pauses)
            {
                json.WriteStartObject();
                WriteKey(json, pause.Environment, pause.OrganizationId);
                json.WriteString("scope", pause.Scope.ToString().ToLowerInvariant());
                WriteOptional(json, "target", pause.Target);
                WriteOptional(json, "reason", pause.Reason);
                WriteOptional(json, "until", pause.Until is { } until ? TimeFormat.Format(until) : null);
                json.WriteBoolean("active", pause.ToPause().IsActiveAt(now));
                json.WriteBoolean("cancelScheduled", pause.CancelScheduled);
                json.WriteString("by", pause.PausedBy);
                json.WriteString("at", TimeFormat.Format(pause.PausedAt));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("approvals");
            foreach (var approval in controls.Approvals)
            {
                json.WriteStartObject();
                WriteKey(json, approval.Environment, approval.OrganizationId);
                json.WriteString("sector", approval.Sector);
                json.WriteString("version", approval.Version);
                WriteOptional(json, "note", approval.Note);
                json.WriteString("by", approval.ApprovedBy);
                json.WriteString("at", TimeFormat.Format(approval.ApprovedAt));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("haltedVersions");
            foreach (var halt in controls.Halts)
            {
                json.WriteStartObject();
                WriteKey(json, halt.Environment, halt.OrganizationId);
                json.WriteString("version", halt.Version);
                WriteOptional(json, "reason", halt.Reason);
                json.WriteString("at", TimeFormat.Format(halt.HaltedAt));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("failedUpgrades");
            foreach (var failure in controls.Failures)
            {
                json.WriteStartObject();
                WriteKey(json, failure.Environment, failure.OrganizationId);
                json.WriteString("cluster", failure.Cluster);
                json.WriteString("version", failure.Version);
                json.WriteString("seenAt", TimeFormat.Format(failure.SeenAt));
                WriteOptional(json, "clearedAt", failure.ClearedAt is { } cleared ? TimeFormat.Format(cleared) : null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }) + "\n";

    private static void WriteKey(Utf8JsonWriter json, string environment, string organizationId)
    {
        json.WriteString("orgId", organizationId);
        json.WriteString("environment", environment);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The controls of a store that does not exist yet: none, and nothing to lift.</summary>
    private sealed class EmptyControls : IRolloutControlStore
    {
        public static readonly EmptyControls Instance = new();

        public Task<StoredControls> GetControlsAsync(string? environment = null, string? organizationId = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(StoredControls.None);

        public Task PauseAsync(StoredPause pause, CancellationToken cancellationToken = default) => throw new InvalidOperationException("the store does not exist");

        public Task<bool> ResumeAsync(string environment, string organizationId, PauseScope scope, string? target, string resumedBy, DateTimeOffset resumedAt, CancellationToken cancellationToken = default) =>
            Task.FromResult(false);

        public Task ApproveAsync(StoredApproval approval, CancellationToken cancellationToken = default) => throw new InvalidOperationException("the store does not exist");

        public Task<int> RecordFailuresAsync(IReadOnlyList<StoredFailure> failures, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public Task<bool> HaltAsync(StoredHalt halt, CancellationToken cancellationToken = default) => throw new InvalidOperationException("the store does not exist");
    }
}
