using Aus.Domain.Controls;
using Aus.Storage.Controls;

namespace Aus.Storage.Tests;

/// <summary>The rollout safety controls, on every dialect.</summary>
public abstract partial class StateStoreContract
{
    private IRolloutControlStore Controls => StateStore.Controls(Store);

    private static StoredPause Pause(PauseScope scope, string? target, string? reason = "bad release", DateTimeOffset? until = null, string organization = "org-a") =>
        new("production", organization, scope, target, reason, until, "alice", Now);

    [Fact]
    public async Task Controls_NothingStored_AreNone()
    {
        var controls = await Controls.GetControlsAsync("production", "org-a");

        controls.ShouldBeEquivalentTo(StoredControls.None);
        controls.For(new("production"), new("org-a")).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Pause_IsStoredWithWhoWhenWhyAndUntil_AndAudited()
    {
        var until = Now.AddDays(1).AddTicks(15);
        await Controls.PauseAsync(Pause(PauseScope.Sector, "prod", until: until));

        var pause = (await Controls.GetControlsAsync("production", "org-a")).Pauses.ShouldHaveSingleItem();
        pause.ShouldBe(Pause(PauseScope.Sector, "prod", until: until.AddTicks(-5)));
        var audit = (await Store.QueryAuditAsync(new AuditQuery())).ShouldHaveSingleItem();
        audit.ShouldBe(new AuditRecord(Now, new("production"), new("org-a"), null, "pause", null, "sector prod by alice: bad release", AuditResult.Succeeded, null));
    }

    [Fact]
    public async Task Pause_ThatCancelsScheduledUpgrades_KeepsTheFlag_AndTheAuditSaysSo()
    {
        await Controls.PauseAsync(Pause(PauseScope.Cluster, "prod-1") with { CancelScheduled = true });

        var pause = (await Controls.GetControlsAsync("production", "org-a")).Pauses.ShouldHaveSingleItem();
        pause.CancelScheduled.ShouldBeTrue();
        (await Controls.GetControlsAsync()).For(new("production"), new("org-a")).Pauses.ShouldHaveSingleItem().CancelScheduled.ShouldBeTrue();
        (await Store.QueryAuditAsync(new AuditQuery())).ShouldHaveSingleItem().Reason.ShouldBe("cluster prod-1 by alice: bad release (cancelling scheduled upgrades)");
    }

    [Fact]
    public async Task Pause_AgainWithoutTheFlag_NoLongerCancels()
    {
        await Controls.PauseAsync(Pause(PauseScope.Organization, null) with { CancelScheduled = true });
        await Controls.PauseAsync(Pause(PauseScope.Organization, null));

        (await Controls.GetControlsAsync()).Pauses.ShouldHaveSingleItem().CancelScheduled.ShouldBeFalse();
    }

    [Fact]
    public async Task Pause_OfTheSameScopeAndTarget_ReplacesTheEarlierOne()
    {
        await Controls.PauseAsync(Pause(PauseScope.Organization, null, "first"));
        await Controls.PauseAsync(Pause(PauseScope.Organization, null, "second"));

        (await Controls.GetControlsAsync()).Pauses.ShouldHaveSingleItem().Reason.ShouldBe("second");
    }

    [Fact]
    public async Task Controls_AreKeptPerOrganization_AndListedForAllWithoutOne()
    {
        await Controls.PauseAsync(Pause(PauseScope.Cluster, "prod-1"));
        await Controls.PauseAsync(Pause(PauseScope.Organization, null, organization: "org-b"));

        (await Controls.GetControlsAsync("production", "org-a")).Pauses.Select(p => p.Target).ShouldBe(["prod-1"]);
        (await Controls.GetControlsAsync()).Pauses.Select(p => p.OrganizationId).ShouldBe(["org-a", "org-b"]);
        (await Controls.GetControlsAsync("integration", "org-a")).Pauses.ShouldBeEmpty();
    }

    [Fact]
    public async Task Resume_LiftsThePauseOfThatScopeOnly_AndIsAudited()
    {
        await Controls.PauseAsync(Pause(PauseScope.Cluster, "prod-1"));
        await Controls.PauseAsync(Pause(PauseScope.Cluster, "prod-2"));

        var lifted = await Controls.ResumeAsync("production", "org-a", PauseScope.Cluster, "prod-1", "bob", Now.AddHours(1));

        lifted.ShouldBeTrue();
        (await Controls.GetControlsAsync()).Pauses.Select(p => p.Target).ShouldBe(["prod-2"]);
        (await Store.QueryAuditAsync(new AuditQuery())).Last()
            .ShouldBe(new AuditRecord(Now.AddHours(1), new("production"), new("org-a"), "prod-1", "resume", null, "cluster prod-1 by bob", AuditResult.Succeeded, null));
    }

    [Fact]
    public async Task Resume_OfNothingInForce_ReturnsFalseAndWritesNothing()
    {
        (await Controls.ResumeAsync("production", "org-a", PauseScope.Organization, null, "bob", Now)).ShouldBeFalse();

        (await Store.QueryAuditAsync(new AuditQuery())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Approval_IsStoredWithItsNote_AndAudited()
    {
        await Controls.ApproveAsync(new StoredApproval("production", "org-a", "prod", "4.16.2", "canaries fine", "carol", Now));
        await Controls.ApproveAsync(new StoredApproval("production", "org-a", "prod", "4.16.2", "looked again", "carol", Now.AddMinutes(1)));

        var approval = (await Controls.GetControlsAsync()).Approvals.ShouldHaveSingleItem();
        approval.Note.ShouldBe("looked again");
        (await Controls.GetControlsAsync()).For(new("production"), new("org-a")).IsApproved("prod", "4.16.2").ShouldBeTrue();
        (await Store.QueryAuditAsync(new AuditQuery())).First()
            .ShouldBe(new AuditRecord(Now, new("production"), new("org-a"), null, "approve", "4.16.2", "sector prod by carol: canaries fine", AuditResult.Succeeded, null));
    }

    [Fact]
    public async Task Failures_AreRecordedOncePerClusterAndVersion()
    {
        var failure = new StoredFailure("production", "org-a", "prod-1", "4.16.2", Now, null);

        (await Controls.RecordFailuresAsync([failure, failure with { Cluster = "prod-2" }])).ShouldBe(2);
        (await Controls.RecordFailuresAsync([failure with { SeenAt = Now.AddHours(1) }])).ShouldBe(0);

        (await Controls.GetControlsAsync()).Failures.Select(f => (f.Cluster, f.SeenAt)).ShouldBe([("prod-1", Now), ("prod-2", Now)]);
        (await Store.QueryAuditAsync(new AuditQuery())).Select(a => a.Action).ShouldBe(["record-upgrade-failure", "record-upgrade-failure"]);
    }

    [Fact]
    public async Task Halt_IsStoredOnce_AndShowsAsAHaltedVersion()
    {
        var halt = new StoredHalt("production", "org-a", "4.16.2", "2 upgrades to 4.16.2 failed", Now);

        (await Controls.HaltAsync(halt)).ShouldBeTrue();
        (await Controls.HaltAsync(halt with { HaltedAt = Now.AddHours(1) })).ShouldBeFalse();

        (await Controls.GetControlsAsync()).Halts.ShouldBe([halt]);
        (await Controls.GetControlsAsync()).For(new("production"), new("org-a")).HaltedVersions.ShouldBe(["4.16.2"]);
        (await Store.QueryAuditAsync(new AuditQuery())).ShouldHaveSingleItem().Action.ShouldBe("halt-version");
    }

    [Fact]
    public async Task ResumeOfAVersion_LiftsItsHaltAndPause_AndClearsItsFailures()
    {
        await Controls.RecordFailuresAsync([new StoredFailure("production", "org-a", "prod-1", "4.16.2", Now, null), new StoredFailure("production", "org-a", "prod-1", "4.16.3", Now, null)]);
        await Controls.HaltAsync(new StoredHalt("production", "org-a", "4.16.2", null, Now));
        await Controls.PauseAsync(Pause(PauseScope.Version, "4.16.2"));

        (await Controls.ResumeAsync("production", "org-a", PauseScope.Version, "4.16.2", "bob", Now.AddHours(2))).ShouldBeTrue();

        var controls = await Controls.GetControlsAsync();
        controls.Halts.ShouldBeEmpty();
        controls.Pauses.ShouldBeEmpty();
        controls.Failures.Select(f => (f.Version, f.ClearedAt)).ShouldBe([("4.16.2", (DateTimeOffset?)Now.AddHours(2)), ("4.16.3", null)]);
    }

    [Fact]
    public async Task Pause_WithoutTheTargetItsScopeNeeds_IsRefused()
    {
        await Should.ThrowAsync<ArgumentException>(() => Controls.PauseAsync(Pause(PauseScope.Sector, null)));
        await Should.ThrowAsync<ArgumentException>(() => Controls.PauseAsync(Pause(PauseScope.Organization, "prod")));
    }

    [Fact]
    public async Task DryRun_ReadsControlsThroughAndChangesNone()
    {
        await Controls.PauseAsync(Pause(PauseScope.Organization, null));
        var dryRun = StateStore.Controls(StateStore.DryRun(Store));

        await dryRun.PauseAsync(Pause(PauseScope.Cluster, "prod-1"));
        (await dryRun.ResumeAsync("production", "org-a", PauseScope.Organization, null, "bob", Now)).ShouldBeFalse();
        await dryRun.HaltAsync(new StoredHalt("production", "org-a", "4.16.2", null, Now));

        (await dryRun.GetControlsAsync()).Pauses.ShouldHaveSingleItem().Scope.ShouldBe(PauseScope.Organization);
        (await Controls.GetControlsAsync()).Halts.ShouldBeEmpty();
    }
}
