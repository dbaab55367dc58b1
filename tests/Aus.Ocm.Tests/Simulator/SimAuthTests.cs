using System.Net;
using Aus.Domain.Fleet;
using Aus.Ocm.Configuration;
using Aus.Ocm.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Aus.Domain.Versions;

namespace Aus.Ocm.Tests.Simulator;

public sealed class SimAuthTests
{
    private const string Secret = "sim-S3CRET-do-not-print";
    private const string Offline = "sim-OFFLINE-do-not-print";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TheClientCredentialsGrantSendsTheServiceAccount()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed, s => s with { ClientSecret = Secret });
        var forms = TokenForms(sim);

        (await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None)).Errors.ShouldBeEmpty();

        forms.ShouldHaveSingleItem().ShouldBe($"grant_type=client_credentials&client_id=aus-sim&client_secret={Secret}");
    }

    [Fact]
    public async Task TheOfflineTokenGrantUsesTheCloudServicesClient()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed, s => s with { OfflineToken = Offline }, credentials: s => OcmCredentials.ForOfflineToken(s.OfflineToken));
        var forms = TokenForms(sim);

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None);

        result.Errors.ShouldBeEmpty();
        result.Snapshot.Find(new OrganizationId("org-a"))!.Clusters.Length.ShouldBe(4);
        forms.ShouldHaveSingleItem().ShouldBe($"grant_type=refresh_token&client_id=cloud-services&refresh_token={Offline}");
    }

    [Fact]
    public async Task ATokenIsCachedAndRenewedBeforeItExpires()
    {
        var time = new FakeTimeProvider(SimFleets.Start);
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed, s => s with { TimeProvider = time, TokenLifetime = TimeSpan.FromSeconds(100) }, clientTime: time);

        await sim.Client.GetVersionGatesAsync(None);
        time.Advance(TimeSpan.FromSeconds(80));
        await sim.Client.GetVersionGatesAsync(None);
        sim.Client.CallCounts.For(OcmEndpoints.Token).ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(12));
        await sim.Client.GetVersionGatesAsync(None);

        sim.Client.CallCounts.For(OcmEndpoints.Token).ShouldBe(2);
        sim.Client.CallCounts.For(OcmEndpoints.VersionGates, "401").ShouldBe(0);
        sim.Client.CallCounts.For(OcmEndpoints.VersionGates, "200").ShouldBe(3);
    }

    [Fact]
    public async Task ARefusedTokenIsRenewedOnceAndTheCallSucceeds()
    {
        // The server's clock runs ahead of the client's, so the server expires a token the client still trusts.
        var serverTime = new FakeTimeProvider(SimFleets.Start);
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed, s => s with { TimeProvider = serverTime, TokenLifetime = TimeSpan.FromMinutes(5) });

        await sim.Client.GetVersionGatesAsync(None);
        serverTime.Advance(TimeSpan.FromMinutes(6));
        var gates = await sim.Client.GetVersionGatesAsync(None);

        gates.Length.ShouldBe(3);
        sim.Client.CallCounts.For(OcmEndpoints.VersionGates, "401").ShouldBe(1);
        sim.Client.CallCounts.For(OcmEndpoints.VersionGates, "200").ShouldBe(2);
        sim.Client.CallCounts.For(OcmEndpoints.Token).ShouldBe(2);
    }

    [Fact]
    public async Task WrongCredentialsFailWithoutShowingTheSecretAnywhere()
    {
        await using var sim = await SimClient.StartAsync(SimFleets.Mixed, credentials: s => OcmCredentials.ForClient(s.ClientId, Secret));

        var error = await Should.ThrowAsync<OcmApiException>(sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None));

        error.StatusCode.ShouldNotBeNull();
        ((int)error.StatusCode.Value).ShouldBeInRange(400, 401);
        error.Message.ShouldContain("client_credentials");
        error.ToString().ShouldNotContain(Secret);
        sim.Log.All.ShouldNotContain(Secret);
        sim.Client.CallCounts.For(OcmEndpoints.Token).ShouldBe(1);
    }

    [Fact]
    public async Task NeitherCredentialsNorAccessTokensReachTheLogs()
    {
        await using var sim = await SimClient.StartAsync(
            SimFleets.Mixed,
            s => s with { ClientSecret = Secret },
            configureClient: o => o with { RetryCount = 1 });
        var accessTokens = new List<string>();
        sim.Wire.Before = (request, _) =>
        {
            if (request.Headers.Authorization?.Parameter is { } token)
            {
                lock (accessTokens)
                {
                    accessTokens.Add(token);
                }
            }

            return Task.CompletedTask;
        };
        sim.Sim.Faults = new Aus.Simulator.FaultSettings { ErrorRates = System.Collections.Immutable.ImmutableSortedDictionary<int, double>.Empty.Add(500, 1) };

        var result = await sim.Client.ReadFleetAsync([new OrganizationId("org-a")], None).ContinueWith(t => t.Exception?.InnerException, TaskScheduler.Default);
        sim.Sim.Faults = Aus.Simulator.FaultSettings.None;
        var actions = await sim.Client.ApplyAsync(
            [new Aus.Domain.Planning.CreateUpgradePolicy("classic-1", new Aus.Domain.Fleet.ClusterId("c1"), Aus.Domain.Fleet.UpgradePolicyKind.Cluster, OpenShiftVersion.Parse("9.9.9"), SimFleets.Start.AddHours(1))],
            dryRun: false,
            None);

        result.ShouldBeOfType<OcmApiException>().StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        actions.ShouldHaveSingleItem().Outcome.ShouldBe(Aus.Ocm.Actions.OcmActionOutcome.Refused);
        accessTokens.ShouldNotBeEmpty();
        sim.Log.Lines.ShouldNotBeEmpty();
        sim.Log.All.ShouldNotContain(Secret);
        accessTokens.Distinct().ShouldAllBe(token => !sim.Log.All.Contains(token));
        result.ToString().ShouldNotContain(Secret);
        actions[0].Message!.ShouldNotContain(Secret);
    }

    private static List<string> TokenForms(SimClient sim)
    {
        var forms = new List<string>();
        sim.Wire.Before = async (request, ct) =>
        {
            if (request.RequestUri == sim.Sim.TokenUrl)
            {
                var form = await request.Content!.ReadAsStringAsync(ct);
                lock (forms)
                {
                    forms.Add(form);
                }
            }
        };
        return forms;
    }
}
