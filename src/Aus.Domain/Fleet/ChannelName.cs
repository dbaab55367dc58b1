namespace Aus.Domain.Fleet;

/// <summary>The name of an OCM upgrade channel (stable-4.16, fast-4.17, ...); written as its text wherever it leaves the process.</summary>
public readonly record struct ChannelName(string Value)
{
    public override string ToString() => Value;
}
