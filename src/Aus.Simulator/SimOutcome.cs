namespace Aus.Simulator;

/// <summary>What an OCM operation gave: a value, or the HTTP status and reason OCM refuses it with.</summary>
internal sealed record SimOutcome<T>(T? Value, int Status, string? Reason)
    where T : class
{
    public static SimOutcome<T> Ok(T value, int status = 200) => new(value, status, null);

    public static SimOutcome<T> Refused(int status, string reason) => new(null, status, reason);
}
