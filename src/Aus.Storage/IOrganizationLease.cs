namespace Aus.Storage;

/// <summary>
/// The right to process one organization: while a replica holds it, no other replica sharing the
/// store processes that organization. Dispose it when the organization's pass is done.
/// </summary>
public interface IOrganizationLease : IAsyncDisposable
{
    string Environment { get; }

    string OrganizationId { get; }

    /// <summary>Who holds it (for instance host name and process id), shown to operators.</summary>
    string Owner { get; }

    /// <summary>False once disposed or once the store found it lost; a lost lease never comes back.</summary>
    bool IsHeld { get; }
}
