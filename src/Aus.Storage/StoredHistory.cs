using Aus.Domain.History;

namespace Aus.Storage;

/// <summary>A soak history together with the key it is stored under (for export and import).</summary>
public sealed record StoredHistory(HistoryKey Key, VersionHistory History);
