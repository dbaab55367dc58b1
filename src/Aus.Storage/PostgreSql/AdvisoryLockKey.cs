using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Aus.Storage.PostgreSql;

/// <summary>
/// The 64-bit advisory lock key of an organization: the first eight bytes of a SHA-256 of a
/// namespaced name, so other applications' advisory locks on the same database are unlikely to
/// collide with aus's, and every replica computes the same key.
/// </summary>
internal readonly record struct AdvisoryLockKey(long Value)
{
    /// <summary>The key that serializes schema migrations between replicas starting together.</summary>
    public static readonly AdvisoryLockKey Migrations = Of("aus:migrations");

    /// <summary>High 32 bits, as pg_locks shows them in <c>classid</c>.</summary>
    public long High => (Value >> 32) & 0xFFFF_FFFFL;

    /// <summary>Low 32 bits, as pg_locks shows them in <c>objid</c>.</summary>
    public long Low => Value & 0xFFFF_FFFFL;

    public static AdvisoryLockKey ForOrganization(string environment, string organizationId) =>
        Of($"aus:organization:{environment}\n{organizationId}");

    private static AdvisoryLockKey Of(string name) =>
        new(BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name))));
}
