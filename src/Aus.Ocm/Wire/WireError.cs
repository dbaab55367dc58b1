namespace Aus.Ocm.Wire;

/// <summary>The body of an OCM error response.</summary>
internal sealed record WireError
{
    public string? Kind { get; init; }

    public string? Code { get; init; }

    public string? Reason { get; init; }

    public string? OperationId { get; init; }
}
