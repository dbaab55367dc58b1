namespace Aus.Ocm.Http;

/// <summary>
/// Bounds how many requests are in flight to OCM at once, whatever fans out above it (per-cluster
/// reads of a pass, concurrent actions), so thousands of clusters are read in parallel but politely.
/// </summary>
internal sealed class ConcurrencyLimitingHandler(int maxConcurrency) : DelegatingHandler
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slots.Dispose();
        }

        base.Dispose(disposing);
    }
}
