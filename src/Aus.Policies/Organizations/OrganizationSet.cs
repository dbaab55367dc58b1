using System.Collections.Immutable;
using Aus.Policies.Diagnostics;

namespace Aus.Policies.Organizations;

/// <summary>Rules that concern several organization files read together (a --config directory, the files given to validate).</summary>
public static class OrganizationSet
{
    /// <summary>
    /// An orgId given by two files is an error of each file after the first: aus keeps one history and
    /// one set of actions per organization, so two policies for it cannot both apply.
    /// </summary>
    public static ImmutableArray<Diagnostic> CheckUniqueOrgIds(IEnumerable<OrganizationDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var first = new Dictionary<string, OrganizationDocument>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var document in documents)
        {
            if (document.Policy?.OrgId is not { } orgId)
            {
                continue;
            }

            if (first.TryGetValue(orgId.Value, out var earlier))
            {
                problems.Add(new Diagnostic(
                    document.File,
                    document.OrgIdLine,
                    document.OrgIdColumn,
                    DiagnosticSeverity.Error,
                    PolicyMessages.DuplicateOrgId(orgId.Value, earlier.File)));
            }
            else
            {
                first[orgId.Value] = document;
            }
        }

        return problems.ToImmutable();
    }
}
