namespace Aus.Ocm.Tests.Simulator;

internal static class SimFleets
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// org-a: a classic cluster a gate applies to (c1, agreed), a classic cluster with a policy and no
    /// applicable gate (c2), a hosted control plane with two pools (h1), an STS cluster (s1), and an
    /// installing cluster that discovery leaves out; org-b: one cluster.
    /// </summary>
    public const string Mixed = """
        versionGates:
        - {id: gate-417, versionRawIdPrefix: "4.17", label: api.openshift.com/gate-ocp, stsOnly: false}
        - {id: gate-417-sts, versionRawIdPrefix: "4.17", label: api.openshift.com/gate-sts, stsOnly: true}
        - {id: gate-418-other, versionRawIdPrefix: "4.18", label: example.com/gate-unknown, stsOnly: false}
        organizations:
        - orgId: org-a
          clusters:
          - name: classic-1
            id: c1
            externalId: 11111111-1111-1111-1111-111111111111
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9, 4.17.1]
            availableChannels: [stable-4.16, stable-4.17]
            gateAgreements: [gate-417]
            labels: {sre-capabilities.aus.workloads: svc, other.label: x}
          - name: classic-2
            id: c2
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9]
            upgradePolicies:
            - {id: p-1, version: 4.16.9, scheduleType: manual, nextRun: "2026-11-23T13:00:00Z", state: scheduled}
          - name: hcp-1
            id: h1
            product: rosa
            hypershift: true
            channel: stable-4.16
            version: 4.16.9
            availableUpgrades: [4.16.10]
            nodePools:
            - {id: workers, version: 4.16.8}
            - {id: infra, version: 4.16.8}
            upgradePolicies:
            - {id: np-1, kind: node-pool, nodePool: workers, version: 4.16.9, scheduleType: manual, nextRun: "2026-11-23T12:30:00Z", state: pending}
          - name: sts-1
            id: s1
            product: rosa
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.17.1]
            aws: {sts: {enabled: true}}
          - {name: installing-1, id: i1, state: installing, channel: stable-4.16, version: 4.16.8}
        - orgId: org-b
          clusters:
          - {name: other-1, id: o1, product: rosa, channel: fast-4.16, version: 4.16.9, availableUpgrades: []}
        """;

    /// <summary>An organization of <paramref name="count"/> classic clusters named c-001, c-002, ...</summary>
    public static string Many(int count) =>
        "organizations:\n- orgId: org-many\n  clusters:\n"
        + string.Concat(Enumerable.Range(1, count).Select(i => $"  - {{name: c-{i:D3}, id: c{i:D3}, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}}\n"));
}
