using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Application.Reconcile;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Domain.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Fakes;

/// <summary>A reconcile pass wired to in-memory ports, with organizations whose one cluster has an upgrade waiting.</summary>
internal sealed class PassWorld
{
    public static readonly DateTimeOffset Now = At("2026-11-23T12:02:00Z");

    public FakeFleetSource Fleet { get; } = new();

    public FakeActionSink Actions { get; } = new();

    public InMemoryPassStore Store { get; } = new();

    public FakeServiceLogSink ServiceLogs { get; } = new() { Clock = Now };

    public List<OrganizationConfig> Organizations { get; } = [];

    /// <summary>The control store the pass reads; null runs the pass without one.</summary>
    public InMemoryControlStore? Controls { get; set; }

    /// <summary>Adds an organization with one cluster "{orgId}-c1" on 4.16.1 that can go to 4.16.2 now.</summary>
    public PassWorld Org(string orgId, Func<OrganizationConfig, OrganizationConfig>? change = null)
    {
        var config = new OrganizationConfig(Organization(orgId, [Policy($"{orgId}-c1")]));
        Organizations.Add(change is null ? config : change(config));
        Fleet.With(orgId, Cluster($"{orgId}-c1", "4.16.1", "4.16.2"));
        return this;
    }

    public static OrganizationKey Key(string orgId) => new(OrganizationPolicy.DefaultEnvironment, new OrganizationId(orgId));

    public Task<PassReport> RunAsync(ReconcileSettings? settings = null, DateTimeOffset? now = null, CancellationToken cancellationToken = default) =>
        new ReconcilePass(new ReconcilePorts(Fleet, Actions, Store, ServiceLogs, Controls), settings ?? new ReconcileSettings(), NullLogger.Instance)
            .RunAsync(Organizations, now ?? Now, cancellationToken);

    public static OrganizationConfig WithClusterError(OrganizationConfig config, string cluster, string message) =>
        config with { Errors = [new OrganizationMessage(cluster, message)] };
}
