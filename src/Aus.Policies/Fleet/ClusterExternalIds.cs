using System.Security.Cryptography;
using System.Text;

namespace Aus.Policies.Fleet;

/// <summary>
/// The default externalId of a cluster in a fleet file: a name-based (version 5) UUID of the cluster
/// id, so the same file always yields the same UUIDs without anyone inventing them.
/// </summary>
public static class ClusterExternalIds
{
    /// <summary>The RFC 4122 URL namespace; the name is the cluster's OCM API URL.</summary>
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static string Derive(string clusterId)
    {
        var name = Encoding.UTF8.GetBytes($"https://api.openshift.com/api/clusters_mgmt/v1/clusters/{clusterId}");
        var space = UrlNamespace.ToByteArray(bigEndian: true);
        var input = new byte[space.Length + name.Length];
        space.CopyTo(input, 0);
        name.CopyTo(input, space.Length);

        // SHA-1 is what RFC 4122 prescribes for version 5 UUIDs; this is an identifier, not security.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
