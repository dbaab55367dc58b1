namespace Aus.Ocm.Auth;

/// <summary>A bearer token and the moment it should be replaced (a little before it expires).</summary>
internal sealed record OcmAccessToken(string Value, DateTimeOffset RenewAt);
