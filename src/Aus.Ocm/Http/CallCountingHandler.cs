namespace Aus.Ocm.Http;

/// <summary>
/// Records each attempt that reaches the wire, so retries and renewals show in the counts. An attempt
/// that ends without a response (transport error, timeout, cancellation) counts as no-response.
/// </summary>
internal sealed class CallCountingHandler(OcmCallCounter counter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = OcmRequest.EndpointOf(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            counter.Record(endpoint, OcmCallCounter.StatusText((int)response.StatusCode));
            return response;
        }
        catch (Exception)
        {
            counter.Record(endpoint, OcmCallCounter.NoResponse);
            throw;
        }
    }
}
