using Aus.Application.Reconcile;
using Aus.Storage;

namespace Aus.Cli.Tests.Service;

/// <summary>Validation errors reach cluster owners as OCM service logs, at most once a day (reference-behaviour.md section 14).</summary>
public sealed class ValidationFeedbackTests
{
    [Fact]
    public async Task ClusterWithErrors_GetsOneLogWithTheMessages_AndTheOrganizationErrorGoesToTheValidCluster()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgB);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(ServiceTestBed.Sqlite(bed.StateFile)), http);

        var report = await service.RunPassAsync(null, CancellationToken.None);

        report.Organizations.Single().ServiceLogsSent.ShouldBe(1);
        var logs = await LogsAsync(http, bed, "uuid-b-1");
        logs.ShouldHaveSingleItem().ShouldContain(ValidationFeedback.ClusterSummary);
        (await LogsAsync(http, bed, "uuid-b-2")).ShouldBeEmpty("org-b has cluster errors only; b-2 is valid and gets no cluster log");
    }

    [Fact]
    public async Task OrganizationError_GoesToEveryValidCluster()
    {
        var selfInheriting = ServiceTestBed.OrgB.Replace("upgradePolicyAllowedWorkloads", "inheritVersionData: [{orgId: org-b}]\nupgradePolicyAllowedWorkloads", StringComparison.Ordinal);
        await using var bed = await ServiceTestBed.StartAsync(selfInheriting);
        await using var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings(), http);

        (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single().ServiceLogsSent.ShouldBe(2);

        (await LogsAsync(http, bed, "uuid-b-2")).ShouldHaveSingleItem().ShouldStartWith(ValidationFeedback.OrganizationSummary + ": ");
        (await LogsAsync(http, bed, "uuid-b-1")).ShouldHaveSingleItem().ShouldStartWith(ValidationFeedback.ClusterSummary + ": - ", customMessage: "b-1 has its own errors, so it is not a valid spec");
    }

    [Fact]
    public async Task SameErrors_AreNotSentTwiceInADay_EvenFromAFreshStore()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgB);
        using var http = new HttpClient();
        await using (var store = await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile)))
        {
            using var service = await bed.ServiceAsync(store, bed.Settings(), http);
            await service.RunPassAsync(null, CancellationToken.None);
            bed.Simulator.Clock.Advance(TimeSpan.FromHours(1));
            (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single().ServiceLogsSent.ShouldBe(0, "the store remembers the log");
        }

        // Another store (a new replica, a lost file): OCM's own log list stops the repeat.
        await using (var fresh = await StateStore.OpenAsync(ServiceTestBed.Sqlite(Path.Combine(bed.Directory, "fresh.db"))))
        {
            using var service = await bed.ServiceAsync(fresh, bed.Settings(), http);
            (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single().ServiceLogsSent.ShouldBe(0);
            bed.Simulator.Clock.Advance(TimeSpan.FromHours(24));
            (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single().ServiceLogsSent.ShouldBe(1, "a day later it is sent again");
        }

        (await LogsAsync(http, bed, "uuid-b-1")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task DryRun_SendsNoServiceLog()
    {
        await using var bed = await ServiceTestBed.StartAsync(ServiceTestBed.OrgB);
        await using var store = StateStore.DryRun(await StateStore.OpenAsync(ServiceTestBed.Sqlite(bed.StateFile)));
        using var http = new HttpClient();
        using var service = await bed.ServiceAsync(store, bed.Settings() with { DryRun = true }, http);

        (await service.RunPassAsync(null, CancellationToken.None)).Organizations.Single().ServiceLogsSent.ShouldBe(0);
        (await LogsAsync(http, bed, "uuid-b-1")).ShouldBeEmpty();
    }

    private static async Task<List<string>> LogsAsync(HttpClient http, ServiceTestBed bed, string uuid)
    {
        using var client = Aus.Ocm.OcmClient.Create(bed.Options());
        var entries = await client.SearchServiceLogsAsync(new Aus.Ocm.ServiceLogQuery(uuid), CancellationToken.None);
        return [.. entries.Select(e => $"{e.Summary}: {e.Description}")];
    }
}
