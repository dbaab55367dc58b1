using System.Collections.Immutable;
using Aus.Application.Ports;
using Aus.Application.Reconcile;
using Aus.Application.Tests.Fakes;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Aus.Application.Tests.Reconcile;

/// <summary>
/// One organization whose work never ends fails alone at its deadline, with "deadline exceeded";
/// the others finish and the pass ends. The stalls ignore their cancellation token, as a hung
/// adapter would, and the deadline runs on a fake clock moved by the test.
/// </summary>
public sealed class OrganizationDeadlineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task AnOrganizationWhoseActionsStall_FailsWithDeadlineExceeded_TheOthersFinish()
    {
        var world = new PassWorld().Org("org-a").Org("org-slow").Org("org-b");
        var sink = new StallingActionSink(world.Actions, "org-slow-c1");
        var time = new FakeTimeProvider(PassWorld.Now);

        // One organization at a time, so the fake clock moves while only the stalled one is at work
        // (run at once, the others' deadlines would expire with it when they are slow to finish).
        var pass = Pass(world, sink, time, organizationsInParallel: 1).RunAsync(world.Organizations, PassWorld.Now, CancellationToken.None);
        await sink.Stalled.Task;
        time.Advance(Deadline - TimeSpan.FromSeconds(1));
        pass.IsCompleted.ShouldBeFalse("the deadline has not passed yet");
        time.Advance(TimeSpan.FromSeconds(1));
        var report = await pass;

        Outcome(report, "org-slow").Failure.ShouldBe("deadline exceeded: its work in this pass took longer than 2 min");
        Outcome(report, "org-a").Failed.ShouldBeFalse();
        Outcome(report, "org-b").Failed.ShouldBeFalse();
        world.Actions.Applied.Select(a => a.Cluster).ShouldBe(["org-a-c1", "org-b-c1"], ignoreOrder: true);
        world.Store.Commits.ShouldBe([PassWorld.Key("org-a"), PassWorld.Key("org-b")], ignoreOrder: true);
    }

    [Fact]
    public async Task AStalledFleetRead_FailsEveryOrganizationAtTheDeadline_AndThePassEnds()
    {
        var world = new PassWorld().Org("org-a").Org("org-b");
        var fleet = new StallingFleetSource();
        var time = new FakeTimeProvider(PassWorld.Now);

        var pass = new ReconcilePass(new ReconcilePorts(fleet, world.Actions, world.Store), new ReconcileSettings { OrganizationDeadline = Deadline }, NullLogger.Instance, time)
            .RunAsync(world.Organizations, PassWorld.Now, CancellationToken.None);
        await fleet.Stalled.Task;
        time.Advance(Deadline);
        var report = await pass;

        report.Organizations.Select(o => o.Failure).ShouldAllBe(f => f == "reading the fleet failed: deadline exceeded: its work in this pass took longer than 2 min");
        world.Actions.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task WorkThatFinishesInTime_IsUntouchedByTheDeadline()
    {
        var world = new PassWorld().Org("org-a");

        var report = await Pass(world, world.Actions, new FakeTimeProvider(PassWorld.Now)).RunAsync(world.Organizations, PassWorld.Now, CancellationToken.None);

        report.Organizations.ShouldHaveSingleItem().Failed.ShouldBeFalse();
        world.Store.Commits.ShouldBe([PassWorld.Key("org-a")]);
    }

    [Fact]
    public async Task CancellingThePass_IsACancellation_NotADeadline()
    {
        var world = new PassWorld().Org("org-a");
        var sink = new StallingActionSink(world.Actions, "org-a-c1");
        using var shutdown = new CancellationTokenSource();

        var pass = Pass(world, sink, new FakeTimeProvider(PassWorld.Now)).RunAsync(world.Organizations, PassWorld.Now, shutdown.Token);
        await sink.Stalled.Task;
        await shutdown.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(pass);
    }

    [Fact]
    public void ADeadlineOfSeconds_IsDescribedInSeconds()
    {
        new OrganizationDeadlineExceededException(TimeSpan.FromSeconds(30)).Message.ShouldBe("deadline exceeded: its work in this pass took longer than 30 s");
    }

    private static ReconcilePass Pass(PassWorld world, IActionSink sink, TimeProvider time, int organizationsInParallel = 4) =>
        new(
            new ReconcilePorts(world.Fleet, sink, world.Store),
            new ReconcileSettings { OrganizationDeadline = Deadline, OrganizationsInParallel = organizationsInParallel },
            NullLogger.Instance,
            time);

    private static OrganizationOutcome Outcome(PassReport report, string orgId) => report.Organizations.Single(o => o.OrgId.Value == orgId);

    /// <summary>Hangs forever on the actions of one cluster, ignoring cancellation; passes the others on.</summary>
    private sealed class StallingActionSink(IActionSink inner, string cluster) : IActionSink
    {
        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ImmutableArray<ActionResult>> ApplyAsync(IReadOnlyList<PlannedAction> actions, CancellationToken cancellationToken)
        {
            if (actions.Any(a => a.Cluster == cluster))
            {
                Stalled.TrySetResult();
                await new TaskCompletionSource().Task;
            }

            return await inner.ApplyAsync(actions, cancellationToken);
        }
    }

    /// <summary>A fleet read that never ends and ignores cancellation.</summary>
    private sealed class StallingFleetSource : IFleetSource
    {
        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<FleetRead> ReadFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken)
        {
            Stalled.TrySetResult();
            await new TaskCompletionSource().Task;
            throw new InvalidOperationException("unreachable");
        }
    }
}
