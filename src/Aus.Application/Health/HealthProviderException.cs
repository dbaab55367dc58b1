namespace Aus.Application.Health;

/// <summary>A health provider could not answer (unreachable, refused, or answered what it should not).</summary>
public sealed class HealthProviderException(string message, Exception? innerException = null) : Exception(message, innerException);
