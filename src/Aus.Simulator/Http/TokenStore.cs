using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Aus.Simulator.Http;

/// <summary>Access tokens the simulator issued and when they expire (real time, so a clock jump does not log clients out).</summary>
internal sealed class TokenStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    public string Issue()
    {
        var token = $"sim.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";
        tokens[token] = time.GetUtcNow() + lifetime;
        return token;
    }

    public bool IsValid(string token) => tokens.TryGetValue(token, out var expires) && time.GetUtcNow() < expires;
}
