using System.Collections.Immutable;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Cli.Service;
using Aus.Domain.Fleet;
using Aus.Domain.Policies;
using Aus.Ocm;
using Aus.Policies.Labels;
using Aus.Policies.Organizations;

namespace Aus.Cli;

/// <summary>
/// The organizations of the labels flavour (--labels, `policySource: labels`): cluster policies from
/// the sre-capabilities.aus.* subscription labels, sectors, blocked versions and the version-data
/// lists from the organization labels. Organization files given as well supply only the name and
/// environment. Every label problem is a diagnostic of its organization, which the pass reports as
/// it reports a file's.
/// </summary>
internal static class LabelInputs
{
    /// <summary>The organizations the labels of <paramref name="snapshot"/> configure, with the files' names and environments.</summary>
    public static ImmutableArray<OrganizationDocument> Read(FleetSnapshot snapshot, IReadOnlyCollection<OrganizationPolicy> files) =>
        LabelPolicies.Read(snapshot, files).Organizations;

    /// <summary>
    /// Discovers the labelled fleet of every OCM environment and reads its organizations. An
    /// organization found without a file is in the environment it was found in.
    /// </summary>
    public static async Task<(FleetRead Fleet, ImmutableArray<OrganizationDocument> Organizations)> ReadOcmAsync(
        OcmSettings ocm, IReadOnlyCollection<OrganizationPolicy> files, TimeProvider time, CancellationToken cancellationToken)
    {
        var gates = ImmutableArray.CreateBuilder<VersionGate>();
        var clusters = ImmutableArray.CreateBuilder<FleetOrganization>();
        var failures = ImmutableDictionary.CreateBuilder<OrganizationId, string>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var documents = new List<OrganizationDocument>();
        foreach (var environment in ocm.Environments)
        {
            using var client = OcmClient.Create(environment.Options, time);
            var read = await client.ReadLabelledFleetAsync([], cancellationToken);
            var own = read.Snapshot.Organizations.Where(o => !clusters.Any(known => known.OrgId == o.OrgId)).ToImmutableArray();
            gates.AddRange(read.Snapshot.VersionGates.Where(g => !gates.Any(known => known.Id == g.Id)));
            clusters.AddRange(own);
            foreach (var error in read.Errors)
            {
                failures.TryAdd(error.OrgId, error.Message);
            }

            warnings.AddRange(read.Warnings);
            var environmentFiles = files.Where(f => environment.Serves(f.Environment)).ToList();
            var found = Read(new FleetSnapshot(read.Snapshot.VersionGates, own), environmentFiles);
            documents.AddRange(found
                .Where(d => !documents.Any(known => known.Policy!.OrgId == d.Policy!.OrgId))
                .Select(d => InEnvironment(d, environment.Name, environmentFiles)));
        }

        var fleet = new FleetRead(new FleetSnapshot(gates.ToImmutable(), clusters.ToImmutable())) { Failures = failures.ToImmutable(), Warnings = warnings.ToImmutable() };
        return (fleet, [.. documents.OrderBy(d => d.Policy!.OrgId)]);
    }

    // An organization without a file belongs to the environment whose OCM it was found in.
    private static OrganizationDocument InEnvironment(OrganizationDocument document, EnvironmentName? environment, List<OrganizationPolicy> files) =>
        environment is null || files.Any(f => f.OrgId == document.Policy!.OrgId)
            ? document
            : document with { Policy = document.Policy! with { Environment = environment.Value } };
}
