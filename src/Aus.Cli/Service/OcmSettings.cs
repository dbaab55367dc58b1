using System.Collections.Immutable;
using Aus.Domain.Fleet;

namespace Aus.Cli.Service;

/// <summary>The OCM environments a command talks to, or every problem found resolving them (each line ready to print).</summary>
/// <param name="Named">Whether the command line, the environment or a settings file names OCM at all.</param>
internal sealed record OcmSettings(ImmutableArray<OcmEnvironmentSettings> Environments, ImmutableArray<string> Errors, bool Named)
{
    public bool Succeeded => Errors.IsEmpty && !Environments.IsEmpty;

    /// <summary>The environment serving organizations of <paramref name="environment"/>, if any.</summary>
    public OcmEnvironmentSettings? For(EnvironmentName environment) => Environments.FirstOrDefault(e => e.Serves(environment));
}
