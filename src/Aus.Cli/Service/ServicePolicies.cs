using Aus.Application.Inputs;
using Aus.Domain.Fleet;
using Aus.Ocm;
using Microsoft.Extensions.Logging;

namespace Aus.Cli.Service;

/// <summary>
/// The organizations of each pass of `aus serve` and `aus run`: those of the organization files in
/// the environments that take their policies from files, and in each environment with
/// <c>policySource: labels</c> those its OCM labels configure, discovered again every pass (the
/// environment's organization files supply only names). An environment whose discovery fails has
/// no organizations in that pass; the others go on.
/// </summary>
internal sealed partial class ServicePolicies(PolicySource files, ServiceSettings settings, TimeProvider time, ILogger logger)
{
    public async Task<IReadOnlyList<OrganizationConfig>> LoadAsync(CancellationToken cancellationToken)
    {
        var fromFiles = await files.LoadAsync(cancellationToken);
        var organizations = fromFiles.Where(o => settings.Environments.FirstOrDefault(e => e.Serves(o.Policy.Environment)) is not { LabelPolicies: true }).ToList();
        foreach (var environment in settings.Environments.Where(e => e.LabelPolicies))
        {
            var named = fromFiles.Where(o => environment.Serves(o.Policy.Environment)).Select(o => o.Policy).ToList();
            try
            {
                var (_, documents) = await LabelInputs.ReadOcmAsync(new OcmSettings([environment], [], Named: true), named, time, cancellationToken);
                foreach (var problem in documents.SelectMany(d => d.Errors))
                {
                    LogLabelProblem(problem.ToString());
                }

                organizations.AddRange(documents.Select(InputFiles.ToConfig));
            }
            catch (Exception e) when (e is OcmApiException or HttpRequestException)
            {
                LogDiscoveryFailed(environment.Name?.Value ?? "(default)", e.Message);
            }
        }

        return organizations;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "policies: {Problem}")]
    private partial void LogLabelProblem(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "policies: environment {Environment}: discovering the labelled clusters failed, its organizations are not reconciled in this pass: {Reason}")]
    private partial void LogDiscoveryFailed(string environment, string reason);
}
