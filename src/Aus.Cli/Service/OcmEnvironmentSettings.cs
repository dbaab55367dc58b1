using Aus.Domain.Fleet;
using Aus.Integrations.Settings;
using Aus.Ocm.Configuration;
using Aus.Policies.Settings;

namespace Aus.Cli.Service;

/// <summary>
/// One OCM environment the service reconciles: organizations whose <c>environment</c> is
/// <see cref="Name"/> are read and changed through a client built from <see cref="Options"/>.
/// A null name is the implicit environment of a run without a settings file: it serves every organization.
/// </summary>
internal sealed record OcmEnvironmentSettings(EnvironmentName? Name, OcmClientOptions Options)
{
    /// <summary>The environment's <c>prometheus</c> and <c>notifications</c>, secrets not yet resolved.</summary>
    public IntegrationSettings Integrations { get; init; } = IntegrationSettings.None;

    /// <summary>Where the environment's cluster policies come from (<c>policySource</c>).</summary>
    public PolicySourceKind PolicySource { get; init; } = PolicySourceKind.Files;

    /// <summary>policySource: labels: the environment's organizations are those its OCM labels configure, discovered again every pass.</summary>
    public bool LabelPolicies => PolicySource == PolicySourceKind.Labels;

    public bool Serves(EnvironmentName environment) => Name is null || Name == environment;
}
