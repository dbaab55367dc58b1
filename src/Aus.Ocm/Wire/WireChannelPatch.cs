namespace Aus.Ocm.Wire;

internal sealed record WireChannelPatch(string Channel);
