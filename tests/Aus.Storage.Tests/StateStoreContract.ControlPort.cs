using Aus.Application.Ports;
using Aus.Application.Safety;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;

namespace Aus.Storage.Tests;

/// <summary>The store as the reconcile pass's control port (<see cref="StoreControlStore"/>), on every dialect.</summary>
public abstract partial class StateStoreContract
{
    private static readonly OrganizationKey OrgA = new(new EnvironmentName("production"), new OrganizationId("org-a"));

    [Fact]
    public async Task ControlPort_RecordsFailuresAndHalts_AndReadsThemBack()
    {
        var port = new StoreControlStore(GuardedStateStore.Wrap(Store));

        await port.RecordFailuresAsync(OrgA, [new UpgradeFailure("c-1", "4.16.9"), new UpgradeFailure("c-2", "4.16.9")], Now, CancellationToken.None);
        await port.HaltAsync(OrgA, "4.16.9", "2 clusters failed", Now, CancellationToken.None);
        var read = await port.GetControlsAsync(OrgA, CancellationToken.None);

        read.Controls.HaltedVersions.ShouldBe(["4.16.9"]);
        read.Failures.ShouldBe([new RecordedFailure(new UpgradeFailure("c-1", "4.16.9"), false), new RecordedFailure(new UpgradeFailure("c-2", "4.16.9"), false)]);
        (await Store.QueryAuditAsync(new AuditQuery())).Select(a => a.Action).ShouldBe(["record-upgrade-failure", "record-upgrade-failure", "halt-version"], ignoreOrder: true);
        (await port.GetControlsAsync(new OrganizationKey(new EnvironmentName("production"), new OrganizationId("org-b")), CancellationToken.None)).Controls.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task ControlPort_AfterAResumeOfTheVersion_ReadsNoHalt_AndClearedFailures()
    {
        var port = new StoreControlStore(Store);
        await port.RecordFailuresAsync(OrgA, [new UpgradeFailure("c-1", "4.16.9")], Now, CancellationToken.None);
        await port.HaltAsync(OrgA, "4.16.9", "1 cluster failed", Now, CancellationToken.None);

        await StateStore.Controls(Store).ResumeAsync("production", "org-a", PauseScope.Version, "4.16.9", "alice", Now.AddHours(1));
        var read = await port.GetControlsAsync(OrgA, CancellationToken.None);

        read.Controls.HaltedVersions.ShouldBeEmpty();
        read.Failures.ShouldHaveSingleItem().Cleared.ShouldBeTrue();
    }
}
