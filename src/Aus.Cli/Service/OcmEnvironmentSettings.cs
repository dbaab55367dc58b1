using Aus.Ocm.Configuration;

namespace Aus.Cli.Service;

/// <summary>
/// One OCM environment the service reconciles: organizations whose <c>environment</c> is
/// <see cref="Name"/> are read and changed through a client built from <see cref="Options"/>.
/// A null name is the implicit environment of a run without a settings file: it serves every organization.
/// </summary>
internal sealed record OcmEnvironmentSettings(string? Name, OcmClientOptions Options)
{
    /// <summary>
    /// policySource: labels: the environment's organizations are those its OCM labels configure,
    /// discovered again every pass (organization files of the environment supply names only).
    /// </summary>
    public bool LabelPolicies { get; init; }

    public bool Serves(string environment) => Name is null || string.Equals(Name, environment, StringComparison.Ordinal);
}
