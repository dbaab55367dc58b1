using Aus.Policies.Organizations;
using Aus.TestKit;
using YamlDotNet.RepresentationModel;

namespace Aus.Cli.Tests.Packaging;

/// <summary>
/// The Kubernetes manifests in deploy/, read as YAML (no cluster here): what kustomize applies
/// exists, the Deployment runs two hardened replicas of `aus serve` on PostgreSQL with probes on
/// /healthz and /readyz, metrics on a named port 9090, and the policies in the ConfigMap are valid.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string Deploy = Path.Combine(RepositoryPaths.Root, "deploy");

    /// <summary>What the host adds to shutdownTimeout before it gives up on the pass loop, plus time to flush and exit.</summary>
    private static readonly TimeSpan RequiredShutdownMargin = TimeSpan.FromSeconds(15);

    [Fact]
    public void Kustomization_ListsResourcesThatExistAndAreKubernetesObjects()
    {
        var resources = (YamlSequenceNode)Load("kustomization.yaml")["resources"];

        resources.Children.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var resource in resources.Children.Select(r => ((YamlScalarNode)r).Value!))
        {
            var manifest = Load(resource);
            Scalar(manifest, "apiVersion").ShouldNotBeNullOrEmpty(resource);
            Scalar(manifest, "kind").ShouldNotBeNullOrEmpty(resource);
            Scalar((YamlMappingNode)manifest["metadata"], "name").ShouldNotBeNullOrEmpty(resource);
        }

        resources.Children.Select(r => ((YamlScalarNode)r).Value).ShouldBe(
            ["namespace.yaml", "configmap.yaml", "secret.yaml", "deployment.yaml", "service.yaml", "poddisruptionbudget.yaml"], ignoreOrder: true);
    }

    [Fact]
    public void Deployment_RunsTwoReplicasOfAusServe()
    {
        var deployment = Load("deployment.yaml");
        Scalar(deployment, "kind").ShouldBe("Deployment");
        Scalar((YamlMappingNode)deployment["spec"], "replicas").ShouldBe("2");

        var container = Container(deployment);
        Strings(container["args"]).ShouldBe(["serve", "--config", "/etc/aus/policies"]);
        var env = ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name")!, e => Scalar(e, "value"));
        env["AUS_LISTEN"].ShouldBe("0.0.0.0:9090");
        var secret = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)container["envFrom"]).Children[0])["secretRef"];
        Scalar(secret, "name").ShouldBe("aus-credentials");
    }

    [Fact]
    public void Deployment_ProbesHealthzAndReadyzOnTheMetricsPort()
    {
        var container = Container(Load("deployment.yaml"));
        var port = ((YamlSequenceNode)container["ports"]).Children.Cast<YamlMappingNode>().Single();
        Scalar(port, "name").ShouldBe("metrics");
        Scalar(port, "containerPort").ShouldBe("9090");

        var liveness = (YamlMappingNode)((YamlMappingNode)container["livenessProbe"])["httpGet"];
        Scalar(liveness, "path").ShouldBe("/healthz");
        Scalar(liveness, "port").ShouldBe("metrics");
        var readiness = (YamlMappingNode)((YamlMappingNode)container["readinessProbe"])["httpGet"];
        Scalar(readiness, "path").ShouldBe("/readyz");
        Scalar(readiness, "port").ShouldBe("metrics");
    }

    [Fact]
    public void Deployment_RunsAsNonRootOnAReadOnlyRootFileSystem()
    {
        var deployment = Load("deployment.yaml");
        var pod = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)deployment["spec"])["template"])["spec"];
        Scalar((YamlMappingNode)pod["securityContext"], "runAsNonRoot").ShouldBe("true");
        var security = (YamlMappingNode)Container(deployment)["securityContext"];
        Scalar(security, "readOnlyRootFilesystem").ShouldBe("true");
        Scalar(security, "allowPrivilegeEscalation").ShouldBe("false");
        Strings(((YamlMappingNode)security["capabilities"])["drop"]).ShouldBe(["ALL"]);

        // The only writable places are mounted: /tmp for .NET's scratch files; the policies are read-only.
        var mounts = ((YamlSequenceNode)Container(deployment)["volumeMounts"]).Children.Cast<YamlMappingNode>().ToDictionary(m => Scalar(m, "mountPath")!, m => Scalar(m, "readOnly"));
        mounts.Keys.ShouldBe(["/etc/aus/policies", "/tmp"], ignoreOrder: true);
        mounts["/etc/aus/policies"].ShouldBe("true");
    }

    [Fact]
    public void Deployment_GivesTheWholeShutdownItsTimeWithAMarginBeforeTheKill()
    {
        var deployment = Load("deployment.yaml");
        var pod = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)deployment["spec"])["template"])["spec"];
        var grace = TimeSpan.FromSeconds(int.Parse(Scalar(pod, "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture));

        // The manifest runs `aus serve` without a settings file, so the pass gets the default shutdownTimeout;
        // then the host waits a little longer for the pass loop, and queued notifications are drained.
        // Kubernetes' kill must come after all three, with a margin.
        Strings(Container(deployment)["args"]).ShouldNotContain("--settings");
        ((YamlSequenceNode)Container(deployment)["env"]).Children.Cast<YamlMappingNode>().Select(e => Scalar(e, "name")).ShouldNotContain("AUS_SETTINGS");
        var longestStop = Aus.Cli.Service.ServiceSettings.DefaultShutdownTimeout + Aus.Cli.Service.ServiceHost.StopAllowance + Aus.Cli.Service.ServiceNotifications.DrainBound;
        grace.ShouldBeGreaterThanOrEqualTo(
            longestStop + RequiredShutdownMargin,
            $"terminationGracePeriodSeconds must exceed the longest stop (shutdownTimeout + host + notification drain = {longestStop.TotalSeconds}s) by {RequiredShutdownMargin.TotalSeconds}s");
    }

    [Fact]
    public void Service_ExposesTheNamedMetricsPortForAServiceMonitor()
    {
        var service = Load("service.yaml");
        var port = ((YamlSequenceNode)((YamlMappingNode)service["spec"])["ports"]).Children.Cast<YamlMappingNode>().Single();
        Scalar(port, "name").ShouldBe("metrics");
        Scalar(port, "port").ShouldBe("9090");

        var monitor = Load("servicemonitor.yaml");
        Scalar(monitor, "kind").ShouldBe("ServiceMonitor");
        var endpoint = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)monitor["spec"])["endpoints"]).Children[0];
        Scalar(endpoint, "port").ShouldBe("metrics");
        Scalar(endpoint, "path").ShouldBe("/metrics");
    }

    [Fact]
    public void Secret_HoldsTheCredentialsAndAPostgreSqlStore()
    {
        var data = (YamlMappingNode)Load("secret.yaml")["stringData"];
        var keys = data.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        keys.ShouldBe(["OCM_CLIENT_ID", "OCM_CLIENT_SECRET", "AUS_STATE"], ignoreOrder: true);
        Scalar(data, "AUS_STATE")!.ShouldStartWith("postgresql://", customMessage: "two replicas share one PostgreSQL store; SQLite is one process's");
    }

    [Fact]
    public void ConfigMap_PoliciesAreValidOrganizationFiles()
    {
        var data = (YamlMappingNode)Load("configmap.yaml")["data"];
        data.Children.ShouldNotBeEmpty();
        foreach (var (key, value) in data.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            name.ShouldEndWith(".yaml");
            var document = OrganizationReader.Read(((YamlScalarNode)value).Value!, name);
            document.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        }
    }

    internal static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Deploy, file));
        stream.Load(reader);
        stream.Documents.Count.ShouldBe(1, file);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Container(YamlMappingNode deployment)
    {
        var pod = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)deployment["spec"])["template"])["spec"];
        return (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children.Single();
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static string[] Strings(YamlNode node) => [.. ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!)];
}
