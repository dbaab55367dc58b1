using System.Globalization;
using Npgsql;

namespace Aus.Storage.PostgreSql;

/// <summary>
/// Turns a libpq-style URI (<c>postgresql://user:password@host:port/database?sslmode=require</c>)
/// into an Npgsql connection string, since Npgsql reads only the keyword form.
/// </summary>
internal static class PostgresUri
{
    // libpq query parameters and the Npgsql keywords they mean.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["keepalives_idle"] = "Tcp Keepalive Time",
    };

    private static readonly Dictionary<string, string> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    public static bool TryConvert(string uri, out string? connectionString, out string? error)
    {
        connectionString = null;
        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        var rest = uri[(schemeEnd + 3)..];
        var builder = new NpgsqlConnectionStringBuilder();

        // The user information ends at the last '@', so a password may hold '/', '?' or '@' even
        // unencoded; it is taken off first, before '/' and '?' split the rest.
        var at = rest.LastIndexOf('@');
        var userInfo = at >= 0 ? rest[..at] : null;
        rest = at >= 0 ? rest[(at + 1)..] : rest;

        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart >= 0 ? rest[(queryStart + 1)..] : string.Empty;
        rest = queryStart >= 0 ? rest[..queryStart] : rest;

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var database = pathStart >= 0 ? rest[(pathStart + 1)..] : string.Empty;
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;

        if (userInfo is not null)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        if (!TrySplitHosts(authority, builder, out error))
        {
            return false;
        }

        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals >= 0 ? pair[..equals] : pair);
            var value = Uri.UnescapeDataString(equals >= 0 ? pair[(equals + 1)..] : string.Empty);
            if (!Parameters.TryGetValue(name, out var keyword))
            {
                error = $"unsupported parameter '{name}' in the PostgreSQL URI; supported are {string.Join(", ", Parameters.Keys.Order(StringComparer.Ordinal))}";
                return false;
            }

            if (name == "sslmode")
            {
                if (!SslModes.TryGetValue(value, out var mode))
                {
                    error = $"invalid sslmode '{value}' in the PostgreSQL URI; allowed are {string.Join(", ", SslModes.Keys)}";
                    return false;
                }

                value = mode;
            }

            try
            {
                builder[keyword] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                // A password's value is never shown, nor the library's message, which may quote it.
                error = name == "password"
                    ? "invalid value for 'password' in the PostgreSQL URI"
                    : $"invalid value '{value}' for '{name}' in the PostgreSQL URI";
                return false;
            }
        }

        connectionString = builder.ConnectionString;
        error = null;
        return true;
    }

    private static bool TrySplitHosts(string authority, NpgsqlConnectionStringBuilder builder, out string? error)
    {
        error = null;
        if (authority.Length == 0)
        {
            return true;
        }

        // host[:port][,host[:port]]...; an IPv6 address is in brackets.
        var hosts = new List<(string Host, string? Port)>();
        foreach (var part in authority.Split(','))
        {
            string host;
            string? port = null;
            if (part.StartsWith('['))
            {
                var close = part.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    error = $"invalid host '{part}' in the PostgreSQL URI: missing ']'";
                    return false;
                }

                host = part[1..close];
                if (close + 1 < part.Length && part[close + 1] == ':')
                {
                    port = part[(close + 2)..];
                }
            }
            else
            {
                var colon = part.LastIndexOf(':');
                host = colon >= 0 ? part[..colon] : part;
                port = colon >= 0 ? part[(colon + 1)..] : null;
            }

            if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535))
            {
                error = $"invalid port '{port}' in the PostgreSQL URI; expected 1 to 65535";
                return false;
            }

            hosts.Add((Uri.UnescapeDataString(host), port));
        }

        if (hosts.Count == 1)
        {
            builder.Host = hosts[0].Host;
            if (hosts[0].Port is { } single)
            {
                builder.Port = int.Parse(single, CultureInfo.InvariantCulture);
            }

            return true;
        }

        // Several hosts: Npgsql takes them as one comma-separated Host, each with its own port.
        builder.Host = string.Join(',', hosts.Select(h => h.Port is null ? h.Host : $"{h.Host}:{h.Port}"));
        return true;
    }
}
