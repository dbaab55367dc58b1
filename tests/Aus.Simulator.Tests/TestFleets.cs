namespace Aus.Simulator.Tests;

/// <summary>Fleet files the tests start the simulator with.</summary>
internal static class TestFleets
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Two classic clusters and a hosted control plane with two node pools; no releases.</summary>
    public const string Mixed = """
        versionGates:
        - {id: gate-417, versionRawIdPrefix: "4.17", label: api.openshift.com/gate-ocp, stsOnly: false}
        - {id: gate-417-sts, versionRawIdPrefix: "4.17", label: api.openshift.com/gate-sts, stsOnly: true}
        organizations:
        - orgId: org-a
          name: Org A
          labels: {sre-capabilities.aus.blocked-versions: "^4.16.9$"}
          clusters:
          - name: classic-1
            id: c1
            channel: stable-4.16
            version: 4.16.8
            availableUpgrades: [4.16.9, 4.16.10]
            availableChannels: [stable-4.16, stable-4.17]
            labels: {sre-capabilities.aus.workloads: svc, other.label: x}
          - {name: classic-2, id: c2, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}
          - name: hcp-1
            id: h1
            product: rosa
            hypershift: true
            channel: stable-4.16
            version: 4.16.9
            availableUpgrades: [4.16.10]
            nodePools:
            - {id: workers, version: 4.16.8}
            - {id: infra, version: 4.16.9}
        - orgId: org-b
          clusters:
          - {name: other-1, id: o1, product: rosa, channel: fast-4.16, version: 4.16.9, availableUpgrades: []}
        """;

    /// <summary>Clusters whose offers come from releases.</summary>
    public const string WithReleases = """
        releases:
        - {version: 4.16.8, channels: [stable-4.16, fast-4.16]}
        - {version: 4.16.9, channels: [stable-4.16, fast-4.16, stable-4.17, fast-4.17]}
        - {version: 4.17.1, channels: [fast-4.17]}
        - {version: 4.17.2, channels: [fast-4.17, stable-4.17, stable-4.16]}
        organizations:
        - orgId: org-r
          clusters:
          - {name: r-1, id: r1, channel: stable-4.16, version: 4.16.8}
          - {name: r-2, id: r2, channel: fast-4.16, version: 4.16.9}
        """;

    /// <summary>A fleet of <paramref name="count"/> classic clusters named c-001, c-002, ...</summary>
    public static string Many(int count) =>
        "organizations:\n- orgId: org-many\n  clusters:\n"
        + string.Concat(Enumerable.Range(1, count).Select(i => $"  - {{name: c-{i:D3}, channel: stable-4.16, version: 4.16.8, availableUpgrades: [4.16.9]}}\n"));
}
