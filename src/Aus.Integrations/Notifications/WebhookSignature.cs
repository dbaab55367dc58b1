using System.Security.Cryptography;
using System.Text;

namespace Aus.Integrations.Notifications;

/// <summary>
/// The signature of a webhook body: <c>X-Aus-Signature: sha256=HEX</c>, the HMAC-SHA256 of the exact
/// body bytes under the shared secret, in lower-case hex. A receiver recomputes it over the raw
/// body and compares in constant time (<see cref="Verify"/> does).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Aus-Signature";

    private const string Prefix = "sha256=";

    public static string Sign(string secret, byte[] body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(string secret, byte[] body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header));
    }
}
