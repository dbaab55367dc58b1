using Aus.Domain.Fleet;
using Aus.Ocm.Fleet;

namespace Aus.Ocm;

/// <summary>Discovers the clusters of the label-based configuration: those whose subscription carries an sre-capabilities.aus.* label.</summary>
public interface IOcmLabelledFleetReader
{
    /// <summary>
    /// Reads the version gates, every subscription with an AUS label resolved to its ready managed
    /// OSD/ROSA cluster (with the subscription's AUS labels, upgrade policies, node pools and gate
    /// agreements), and every organization's AUS labels. Organizations with AUS organization labels
    /// but no labelled cluster are in the snapshot without clusters (their version-data labels still
    /// count). A non-empty <paramref name="orgIds"/> keeps only those organizations' clusters. One
    /// organization's failure is an entry of <see cref="OcmFleetResult.Errors"/>; throws
    /// <see cref="OcmApiException"/> when the gates, the label searches or the subscriptions cannot be read.
    /// </summary>
    Task<OcmFleetResult> ReadLabelledFleetAsync(IReadOnlyCollection<OrganizationId> orgIds, CancellationToken cancellationToken);
}
