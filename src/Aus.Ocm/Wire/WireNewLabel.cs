namespace Aus.Ocm.Wire;

internal sealed record WireNewLabel(string Kind, string Key, string Value);
