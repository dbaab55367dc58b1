using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Aus.Policies.Organizations;
using Aus.Application.Ports;
using Aus.Storage;

namespace Aus.Cli.Service;

/// <summary>The start-up shared by `aus run` and `aus serve`: settings, organization files, the store.</summary>
internal static class ServiceStartup
{
    public static Option<string?> SettingsOption() => new("--settings")
    {
        Description = "The settings file (YAML): OCM environments, policies, store, interval, listen address; options and environment variables win over it. [default: AUS_SETTINGS]",
        HelpName = "FILE",
    };

    public static Option<string?> ClockOption() => new("--clock")
    {
        Description = "Where each pass takes its time from: system, or ocm-sim (the OCM simulator's virtual clock at OCM_URL/_sim/clock; for tests and demos). [default: system]",
        HelpName = "system|ocm-sim",
    };

    /// <summary>Who holds this process's organization leases, as operators see it.</summary>
    public static string Owner => $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Reads and checks everything; prints every problem and returns null with the exit code when one is found.</summary>
    public static async Task<(ServiceSettings? Settings, List<OrganizationDocument>? Documents, int ExitCode)> PrepareAsync(
        SettingsOverrides overrides, TextWriter stderr, CancellationToken cancellationToken)
    {
        // With JSON logs, the diagnostics of a start that goes on become log records, so that stderr stays
        // one JSON object per line; a start that fails prints them as lines, as every command does.
        using var diagnostics = new StringWriter();
        var prepared = await PrepareReportingToAsync(overrides, AusLogging.IsLogStream(stderr) ? diagnostics : stderr, cancellationToken);
        if (diagnostics.ToString() is { Length: > 0 } lines)
        {
            if (prepared.Settings is null)
            {
                await stderr.WriteAsync(lines);
            }
            else
            {
                AusLogging.WriteDiagnostics(lines);
            }
        }

        return prepared;
    }

    private static async Task<(ServiceSettings? Settings, List<OrganizationDocument>? Documents, int ExitCode)> PrepareReportingToAsync(
        SettingsOverrides overrides, TextWriter stderr, CancellationToken cancellationToken)
    {
        var result = await ServiceSettingsLoader.LoadAsync(overrides, cancellationToken);
        foreach (var error in result.Errors)
        {
            await stderr.WriteLineAsync(error);
        }

        // The organization files are read even when the settings have problems, so that one start-up shows them all.
        var policies = result.Policies;
        List<OrganizationDocument>? documents = [];
        var exitCode = ExitCodes.Success;
        if (policies.Length > 0)
        {
            (documents, exitCode) = await InputFiles.LoadOrganizationsAsync(policies, stderr, cancellationToken);
        }

        if (result.Settings is null)
        {
            return (null, null, ExitCodes.Usage);
        }

        if (documents is null)
        {
            return (null, null, exitCode);
        }

        var environmentErrors = ReconcileService.CheckEnvironments(result.Settings, documents);
        foreach (var error in environmentErrors)
        {
            await stderr.WriteLineAsync(error);
        }

        // Checked here, before the store is opened (or created): a start that fails leaves nothing behind.
        var sinkErrors = new List<string>();
        ServiceNotifications.Check(result.Settings.Environments, sinkErrors);
        foreach (var error in sinkErrors)
        {
            await stderr.WriteLineAsync($"aus: error: {error}");
        }

        return environmentErrors.IsEmpty && sinkErrors.Count == 0 ? (result.Settings, documents, ExitCodes.Success) : (null, null, ExitCodes.Usage);
    }

    /// <summary>
    /// Why <paramref name="listen"/> cannot be listened on (in use, not this host's), or null: asked
    /// before the store is opened, so that a start that fails creates no store.
    /// </summary>
    public static string? ListenProblem(IPEndPoint listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        try
        {
            using var socket = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

            // As Kestrel binds: connections of an earlier process still in TIME_WAIT do not make the port busy.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(listen);
            return null;
        }
        catch (SocketException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// A dry run on a SQLite store that does not exist yet plans from empty histories and opens no
    /// store, since opening one would create the file: a dry run creates nothing.
    /// </summary>
    public static bool IsDryRunWithoutStore(ServiceSettings settings) =>
        settings.DryRun && settings.State.Dialect == StateDialect.Sqlite && !File.Exists(settings.State.Target);

    /// <summary>
    /// Opens the store for this process alone (SQLite) or as one replica (PostgreSQL); null after
    /// printing why not. A dry run opens it too (it reads the histories); the pass keeps its writes out.
    /// </summary>
    public static async Task<IStateStore?> OpenStoreAsync(ServiceSettings settings, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            return await GuardedStateStore.OpenAsync(settings.State, new StateStoreOptions { ExclusiveProcess = true }, cancellationToken);
        }
        catch (StateStoreException e) when (e.InnerException is StateStoreLockedException)
        {
            await stderr.WriteLineAsync(
                $"aus: error: {e.Message}. A SQLite store serves one process; stop the other aus, or use a PostgreSQL store (AUS_STATE=postgresql://...) to run several replicas");
            return null;
        }
        catch (StateStoreException e)
        {
            await stderr.WriteLineAsync($"aus: error: cannot open the {e.Message}");
            return null;
        }
    }

    public static IPassClock Clock(ServiceSettings settings, TimeProvider time, HttpClient http) =>
        settings.SimulatorClock ? new SimulatorPassClock(http, settings.Environments[0].Options.BaseUrl) : new SystemPassClock(time);
}
