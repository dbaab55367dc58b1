namespace Aus.Domain.Planning;

/// <summary>One condition a candidate version must meet, whether it holds, and why, in a sentence.</summary>
public sealed record Condition(Reason FailureReason, bool Holds, string Detail);
