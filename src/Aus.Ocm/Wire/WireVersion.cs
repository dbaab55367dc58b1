namespace Aus.Ocm.Wire;

internal sealed record WireVersion
{
    public string? Id { get; init; }

    public string? RawId { get; init; }

    public string? ChannelGroup { get; init; }

    public List<string>? AvailableUpgrades { get; init; }

    public List<string>? AvailableChannels { get; init; }
}
