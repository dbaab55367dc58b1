namespace Aus.Ocm.Http;

/// <summary>A decoded response body and the operation id OCM gave the call.</summary>
internal sealed record OcmResponse<T>(T? Body, string? OperationId);
