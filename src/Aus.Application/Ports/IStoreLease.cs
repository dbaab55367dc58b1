namespace Aus.Application.Ports;

/// <summary>The right to process one organization in this pass; no other replica sharing the store has it meanwhile.</summary>
public interface IStoreLease : IAsyncDisposable
{
    OrganizationKey Key { get; }
}
