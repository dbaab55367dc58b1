using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Aus.Storage.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL server of the contract suite's PostgreSQL leg. AUS_TEST_POSTGRES names one (a
/// connection string of a user that may create databases); without it a throwaway server is
/// started here with initdb and pg_ctl on a free loopback port, and stopped at the end. Missing
/// PostgreSQL binaries fail the tests: this leg is never skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "AUS_TEST_POSTGRES";

    private string? dataRoot;
    private string? binDirectory;

    /// <summary>Connection string of a user that may create and drop databases.</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            AdminConnectionString = given;
            return;
        }

        binDirectory = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is needed for the PostgreSQL leg of the state store tests and none was found: "
            + $"set {EnvironmentVariable} to a connection string, or install PostgreSQL (apt-get install postgresql) so that "
            + "initdb and pg_ctl are on PATH or under /usr/lib/postgresql/*/bin. .ci/run does this by itself.");

        var asRoot = Environment.IsPrivilegedProcess;

        // PostgreSQL refuses to run as root, so as root it runs as the postgres user in a directory that user owns.
        var tempRoot = asRoot ? "/tmp" : Path.GetTempPath();
        dataRoot = Path.Combine(tempRoot, "aus-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataRoot);
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", dataRoot], asPostgres: false);
        }

        var data = Path.Combine(dataRoot, "data");
        await RunAsync(Path.Combine(binDirectory, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], asRoot);
        var port = FreeLoopbackPort();
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {port} -k {dataRoot} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(
            Path.Combine(binDirectory, "pg_ctl"),
            ["-D", data, "-o", serverOptions, "-l", Path.Combine(dataRoot, "server.log"), "-w", "-t", "60", "start"],
            asRoot);
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    public async Task DisposeAsync()
    {
        if (dataRoot is null || binDirectory is null)
        {
            return;
        }

        try
        {
            await RunAsync(
                Path.Combine(binDirectory, "pg_ctl"),
                ["-D", Path.Combine(dataRoot, "data"), "-m", "immediate", "-w", "stop"],
                Environment.IsPrivilegedProcess);
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "aus_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Ends a session as if its replica had died.</summary>
    public async Task TerminateBackendAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
        command.Parameters.AddWithValue("pid", processId);
        await command.ExecuteScalarAsync();
    }

    private static string? FindBinaries()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(debianRoot)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Directory, "initdb")) && File.Exists(Path.Combine(d.Directory, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Directory)
            .FirstOrDefault();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
