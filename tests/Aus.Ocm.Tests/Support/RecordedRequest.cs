using System.Collections.Immutable;

namespace Aus.Ocm.Tests.Support;

public sealed record RecordedRequest(string Method, string Path, ImmutableDictionary<string, string> Query, string Body, string? Authorization)
{
    public string? this[string query] => Query.GetValueOrDefault(query);
}
