namespace Aus.Storage;

/// <summary>
/// A write was fenced off because the organization lease it was made under is no longer held (its
/// database session died, or it was disposed). Nothing of that write was stored; the replica must
/// abandon the organization's pass, since another replica may be processing it now.
/// </summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
