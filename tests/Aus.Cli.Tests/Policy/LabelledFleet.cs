using Aus.Policies.Labels;
using Aus.Policies.Organizations;
using YamlDotNet.RepresentationModel;

namespace Aus.Cli.Tests.Policy;

/// <summary>A fleet snapshot whose clusters and organization carry the labels that express an organization file.</summary>
internal static class LabelledFleet
{
    public static string Write(string organizationFile, string fleetFile, string outputPath)
    {
        var policy = OrganizationReader.Read(File.ReadAllText(organizationFile), organizationFile).Policy!;
        var labels = PolicyLabels.For(policy);
        var clusterLabels = labels.Clusters.ToDictionary(c => c.Cluster, c => c.Labels, StringComparer.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(fleetFile)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var organization in ((YamlSequenceNode)root["organizations"]).Children.Cast<YamlMappingNode>())
        {
            if (((YamlScalarNode)organization["orgId"]).Value != policy.OrgId.Value)
            {
                continue;
            }

            organization.Add("labels", Mapping(labels.Organization));
            foreach (var cluster in ((YamlSequenceNode)organization["clusters"]).Children.Cast<YamlMappingNode>())
            {
                if (clusterLabels.TryGetValue(((YamlScalarNode)cluster["name"]).Value!, out var own))
                {
                    cluster.Add("labels", Mapping(own));
                }
            }
        }

        using var writer = new StreamWriter(outputPath);
        stream.Save(writer, assignAnchors: false);
        return outputPath;
    }

    private static YamlMappingNode Mapping(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var node = new YamlMappingNode();
        foreach (var (key, value) in labels)
        {
            node.Add(new YamlScalarNode(key), new YamlScalarNode(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
        }

        return node;
    }
}
