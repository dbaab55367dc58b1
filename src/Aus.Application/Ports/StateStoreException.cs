namespace Aus.Application.Ports;

/// <summary>
/// The state store could not read or write: the database failed or is out of reach, stored data
/// could not be read, or a lease was lost. The one store failure callers catch; the store's own
/// error is the inner exception.
/// </summary>
public sealed class StateStoreException : Exception
{
    public StateStoreException()
    {
    }

    public StateStoreException(string message)
        : base(message)
    {
    }

    public StateStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
