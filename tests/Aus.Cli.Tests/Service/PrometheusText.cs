using System.Globalization;
using System.Text.RegularExpressions;

namespace Aus.Cli.Tests.Service;

/// <summary>Samples of a Prometheus text exposition, parsed for assertions by name and labels.</summary>
internal sealed partial record PrometheusText(IReadOnlyList<PrometheusSample> Samples)
{
    public static PrometheusText Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Sample().Match(line);
            match.Success.ShouldBeTrue($"not a Prometheus sample line: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value).Select(m => (m.Groups["name"].Value, m.Groups["value"].Value)).ToList();
            samples.Add(new PrometheusSample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return new PrometheusText(samples);
    }

    public IEnumerable<PrometheusSample> Named(string name) => Samples.Where(s => s.Name == name);

    /// <summary>The one sample of the name whose labels include every given pair.</summary>
    public PrometheusSample Single(string name, params (string Name, string Value)[] labels) =>
        Named(name).Where(s => labels.All(l => s.Label(l.Name) == l.Value)).ShouldHaveSingleItem($"one {name} with {string.Join(",", labels)}");

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex Label();
}
