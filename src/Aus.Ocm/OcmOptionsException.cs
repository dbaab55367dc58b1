using System.Collections.Immutable;

namespace Aus.Ocm;

/// <summary>The OCM client options are invalid; <see cref="Errors"/> lists every problem.</summary>
public sealed class OcmOptionsException : Exception
{
    public OcmOptionsException()
        : this("the OCM client options are invalid")
    {
    }

    public OcmOptionsException(string message)
        : this(message, null)
    {
    }

    public OcmOptionsException(string message, Exception? innerException)
        : base(message, innerException) => Errors = [message];

    public OcmOptionsException(ImmutableArray<string> errors)
        : base("invalid OCM client options:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e))) =>
        Errors = errors;

    public ImmutableArray<string> Errors { get; }
}
