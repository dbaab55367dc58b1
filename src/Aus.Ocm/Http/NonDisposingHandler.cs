namespace Aus.Ocm.Http;

/// <summary>Passes requests on to a handler that another chain owns and disposes.</summary>
internal sealed class NonDisposingHandler(HttpMessageHandler shared) : DelegatingHandler(shared)
{
    protected override void Dispose(bool disposing)
    {
        // The shared handler is disposed by its owner; disposing it here would break the other chain.
    }
}
