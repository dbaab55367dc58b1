using System.Net;
using System.Net.Sockets;

namespace Aus.Cli.Tests.Service;

/// <summary>`aus serve` checks all it can before it opens (or creates) the store: a start that fails leaves no store behind.</summary>
public sealed class ServeStartFailureTests
{
    [Fact]
    public async Task ADestinationListedTwice_IsAStartUpError_AndCreatesNoStore()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = await WriteSettingsAsync(bed, "127.0.0.1:0", """
              notifications:
              - webhook: {url: 'http://127.0.0.1:1/aus'}
              - webhook: {url: 'http://127.0.0.1:1/aus'}
            """);

        var serve = await CliRun.RunAsync("serve", "--settings", settings, "--clock", "ocm-sim");

        serve.ExitCode.ShouldBe(2, serve.Stderr);
        serve.Stderr.ShouldContain("aus: error: environment production.notifications: webhook http://127.0.0.1:1/aus is listed 2 times; list each destination once");
        File.Exists(bed.StateFile).ShouldBeFalse("a start that fails creates no store");
    }

    [Fact]
    public async Task AListenAddressInUse_IsAStartUpError_AndCreatesNoStore()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var listen = (IPEndPoint)busy.LocalEndpoint;
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgA);
        var settings = await WriteSettingsAsync(bed, listen.ToString(), string.Empty);

        var serve = await CliRun.RunAsync("serve", "--settings", settings, "--clock", "ocm-sim");

        serve.ExitCode.ShouldBe(2, serve.Stderr);
        serve.StderrLines.ShouldHaveSingleItem().ShouldStartWith($"aus: error: cannot listen on {listen}: ");
        File.Exists(bed.StateFile).ShouldBeFalse("a start that fails creates no store");
    }

    private static async Task<string> WriteSettingsAsync(ServiceTestBed bed, string listen, string environmentMore)
    {
        var ocmSecretFile = Path.Combine(bed.Directory, "ocm-secret");
        await File.WriteAllTextAsync(ocmSecretFile, bed.Simulator.ClientSecret);
        var settings = Path.Combine(bed.Directory, "aus.yaml");
        await File.WriteAllTextAsync(settings, $"""
            environments:
            - name: production
              url: {bed.Simulator.BaseUrl}
              tokenUrl: {bed.Simulator.TokenUrl}
              credentials: {"{"}clientId: {bed.Simulator.ClientId}, clientSecretFile: {ocmSecretFile}{"}"}
            {environmentMore}
            policies: [{bed.PoliciesDirectory}]
            state: {bed.StateFile}
            listen: {listen}
            interval: 1h
            """);
        return settings;
    }
}
