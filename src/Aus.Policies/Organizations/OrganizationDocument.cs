using System.Collections.Immutable;
using Aus.Domain.Policies;
using Aus.Policies.Diagnostics;

namespace Aus.Policies.Organizations;

/// <summary>
/// What an organization file holds, as far as it could be read, and every problem found in it.
/// </summary>
/// <param name="File">The file name as given (used in every diagnostic).</param>
/// <param name="Policy">
/// The policy, best effort: null only when not even name and orgId could be read. Its
/// <see cref="OrganizationPolicy.Clusters"/> hold only the clusters without errors.
/// </param>
/// <param name="ClusterNames">Every upgradePolicyClusters[].name in file order, including those of invalid clusters.</param>
/// <param name="Diagnostics">Every error and warning, in file order.</param>
public sealed record OrganizationDocument(
    string File,
    OrganizationPolicy? Policy,
    ImmutableArray<string> ClusterNames,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The file could not be read at all (missing, too large, binary, not UTF-8).</summary>
    public bool IsUnreadable { get; init; }

    /// <summary>Where the orgId value is (0 when the file has none), for problems that concern several files.</summary>
    public int OrgIdLine { get; init; }

    /// <inheritdoc cref="OrgIdLine"/>
    public int OrgIdColumn { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
