using System.Collections.Immutable;
using Aus.Application.Inputs;
using Aus.Domain.Fleet;
using Aus.Domain.Planning;
using Aus.Policies.Organizations;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Service;

/// <summary>
/// The organizations of `aus serve`, read again before every pass, so an edited ConfigMap takes
/// effect at the next pass. An edit that no longer validates does not replace the organization's
/// last valid policy: the organization goes on with that one and carries the edit's errors as
/// <see cref="OrganizationConfig.RejectedEdit"/>, which the pass reports. Other organizations are
/// untouched by it. An organization that never validated is planned with its errors, which stop it.
/// </summary>
internal sealed partial class PolicySource(ImmutableArray<string> paths, Func<EnvironmentName, bool> servesEnvironment, ILogger logger)
{
    private readonly Dictionary<OrganizationId, OrganizationConfig> _lastValid = [];
    private readonly Dictionary<string, OrganizationId> _organizationOfFile = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<OrganizationConfig>> LoadAsync(CancellationToken cancellationToken)
    {
        using var problems = new StringWriter();
        var (files, _) = await InputFiles.ExpandOrganizationFilesAsync(paths, problems, cancellationToken);
        foreach (var line in problems.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            LogProblem(line);
        }

        var organizations = new List<OrganizationConfig>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, read) in files)
        {
            var document = read ?? await OrganizationReader.ReadFileAsync(file, cancellationToken);
            if (Take(file, document) is { } organization && seen.Add(organization.OrgId.Value))
            {
                organizations.Add(organization);
            }
        }

        return organizations;
    }

    /// <summary>What the pass plans for the file: its policy, or the last valid one with the edit's errors, or nothing.</summary>
    private OrganizationConfig? Take(string file, OrganizationDocument document)
    {
        OrganizationId? orgId = document.Policy is { } policy ? policy.OrgId : _organizationOfFile.TryGetValue(file, out var known) ? known : null;
        var errors = document.Diagnostics.Where(d => d.IsError).ToList();
        var config = document.Policy is null || document.IsUnreadable ? null : InputFiles.ToConfig(document);
        if (config is not null && !servesEnvironment(config.Policy.Environment))
        {
            errors.Add(new Policies.Diagnostics.Diagnostic(file, 0, 0, Policies.Diagnostics.DiagnosticSeverity.Error, $"organization {config.OrgId} is in environment '{config.Policy.Environment}', which the settings file does not define"));
            config = null;
        }

        if (config is not null && errors.Count == 0)
        {
            _lastValid[config.OrgId] = config;
            _organizationOfFile[file] = config.OrgId;
            return config;
        }

        foreach (var error in errors)
        {
            LogProblem(error.ToString());
        }

        if (orgId is not null && _lastValid.TryGetValue(orgId.Value, out var lastValid))
        {
            return lastValid with { RejectedEdit = [.. errors.Select(e => new OrganizationMessage(e.Cluster, e.Message))] };
        }

        // Never valid: planned with its errors (which stop it) when it could be read at all.
        return config;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "policies: {Problem}")]
    private partial void LogProblem(string problem);
}
