using System.Globalization;
using System.Net;

namespace Aus.Ocm;

/// <summary>
/// Any failure of a call to OCM (or its token endpoint), decoded once: the HTTP status (null when no
/// response came back), the OCM error code and reason, and the operation id OCM gives for support.
/// </summary>
public sealed class OcmApiException : Exception
{
    public OcmApiException()
        : this("an OCM call failed")
    {
    }

    public OcmApiException(string message)
        : this(message, null)
    {
    }

    public OcmApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
        Reason = message;
    }

    internal OcmApiException(
        string operation,
        HttpStatusCode? statusCode,
        string? code,
        string reason,
        string? operationId,
        bool outcomeUnknown,
        Exception? innerException = null)
        : base(Describe(operation, statusCode, code, reason, operationId), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Code = code;
        Reason = reason;
        OperationId = operationId;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>The call, as METHOD and path (no query string, no credentials).</summary>
    public string Operation { get; }

    /// <summary>The HTTP status, or null when the call failed before a response (timeout, dropped connection).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OCM error code, e.g. CLUSTERS-MGMT-400.</summary>
    public string? Code { get; }

    public string Reason { get; }

    /// <summary>The OCM operation id of the failed call, when OCM gave one.</summary>
    public string? OperationId { get; }

    /// <summary>
    /// True when the server may or may not have acted (timeout, dropped connection, 5xx): a write must
    /// be verified by reading before it is tried again.
    /// </summary>
    public bool OutcomeUnknown { get; }

    private static string Describe(string operation, HttpStatusCode? statusCode, string? code, string reason, string? operationId)
    {
        var status = statusCode is { } s ? string.Create(CultureInfo.InvariantCulture, $"{(int)s} {s}") : "no response";
        var codePart = code is null ? string.Empty : $" [{code}]";
        var operationPart = operationId is null ? string.Empty : $" (operation id {operationId})";
        return $"OCM call {operation} failed: {status}{codePart}: {reason}{operationPart}";
    }
}
