namespace Aus.Cli.Tests.Service;

internal sealed record PrometheusSample(string Name, IReadOnlyList<(string Name, string Value)> Labels, double Value)
{
    public string? Label(string name) => Labels.FirstOrDefault(l => l.Name == name).Value;

    public IEnumerable<string> LabelNames => Labels.Select(l => l.Name);
}
