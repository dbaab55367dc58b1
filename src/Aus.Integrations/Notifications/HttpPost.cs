using System.Net.Http.Headers;
using System.Text;

namespace Aus.Integrations.Notifications;

/// <summary>Posts a JSON body and turns a non-success status into <see cref="SinkRejectedException"/>.</summary>
internal static class HttpPost
{
    public static async Task<string> JsonAsync(
        HttpClient client,
        Uri url,
        string body,
        string mediaType,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        };
        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Authorization = AuthenticationHeaderValue.Parse(value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var excerpt = string.IsNullOrWhiteSpace(answer) ? string.Empty : ": " + (answer.Length > 200 ? answer[..200] + "..." : answer.Trim());
            throw new SinkRejectedException($"{url.GetLeftPart(UriPartial.Authority)} answered HTTP {(int)response.StatusCode}{excerpt}");
        }

        return answer;
    }
}
