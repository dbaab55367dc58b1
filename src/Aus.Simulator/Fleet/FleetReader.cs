using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Aus.Simulator.Fleet;

/// <summary>Reads a fleet file; every problem is reported as <c>FILE:LINE:COL: error: ...</c>.</summary>
internal static partial class FleetReader
{
    public static FleetDocument Read(string yaml, string source)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        try
        {
            return deserializer.Deserialize<FleetDocument?>(yaml) ?? new FleetDocument();
        }
        catch (YamlException e)
        {
            throw new SimulatorConfigurationException($"{source}:{e.Start.Line}:{e.Start.Column}: error: {Describe(e)}", e);
        }
    }

    private static string Describe(YamlException e)
    {
        var innermost = e;
        while (innermost.InnerException is YamlException inner)
        {
            innermost = inner;
        }

        var unknown = UnknownProperty().Match(e.Message);
        if (unknown.Success)
        {
            return $"unknown key '{unknown.Groups[1].Value}'; the keys allowed here are {AllowedKeys(unknown.Groups[2].Value)} (keys are camelCase)";
        }

        var message = innermost.InnerException?.Message ?? innermost.Message;
        return message.StartsWith('(') ? e.Message : message;
    }

    /// <summary>The keys of the fleet file's entry YamlDotNet was reading, as they are spelt in the file.</summary>
    private static string AllowedKeys(string typeName)
    {
        var type = typeof(FleetDocument).Assembly.GetType(typeName);
        return type is null
            ? "those of the fleet file"
            : string.Join(", ", type.GetProperties().Select(p => CamelCaseNamingConvention.Instance.Apply(p.Name)));
    }

    [GeneratedRegex("Property '([^']*)' not found on type '([^']*)'")]
    private static partial Regex UnknownProperty();
}
