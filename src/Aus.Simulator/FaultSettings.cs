using System.Collections.Immutable;

namespace Aus.Simulator;

/// <summary>
/// Faults injected into requests whose path starts with <see cref="PathPrefix"/>. One seeded draw per request
/// picks, in this order: a dropped connection, a 429, then each error status (by code ascending).
/// </summary>
public sealed record FaultSettings
{
    public static readonly FaultSettings None = new();

    /// <summary>Added before every affected request is handled (real time).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Probability (0..1) per status code, e.g. {"503": 0.2}.</summary>
    public ImmutableSortedDictionary<int, double> ErrorRates { get; init; } = ImmutableSortedDictionary<int, double>.Empty;

    public double Rate429 { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Probability (0..1) that the connection is aborted without a response.</summary>
    public double DropRate { get; init; }

    public string PathPrefix { get; init; } = "/api/";

    /// <summary>Every problem with these settings; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (LatencyMs < 0)
        {
            errors.Add($"latencyMs {LatencyMs} must be >= 0");
        }

        if (RetryAfterSeconds < 0)
        {
            errors.Add($"retryAfterSeconds {RetryAfterSeconds} must be >= 0");
        }

        foreach (var (name, rate) in new[] { ("rate429", Rate429), ("dropRate", DropRate) }.Concat(ErrorRates.Select(e => ($"errorRates.{e.Key}", e.Value))))
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                errors.Add($"{name} {rate} must be between 0 and 1");
            }
        }

        foreach (var code in ErrorRates.Keys.Where(c => c is < 400 or > 599))
        {
            errors.Add($"errorRates key {code} must be an HTTP error status (400-599)");
        }

        if (Rate429 + DropRate + ErrorRates.Values.Sum() > 1)
        {
            errors.Add("rate429 + dropRate + the errorRates must not add up to more than 1");
        }

        return errors;
    }
}
