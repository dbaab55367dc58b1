using System.Collections.Immutable;
using Aus.Policies.Diagnostics;
using Aus.Policies.Files;
using Aus.Policies.Yaml;

namespace Aus.Policies.Settings;

/// <summary>
/// Reads the settings file of <c>aus run</c> and <c>aus serve</c> (YAML or JSON, docs/operations.md
/// "Settings file"): keys and types are checked here, every problem reported at once as
/// FILE:LINE:COL; never throws for bad input. An empty file gives no settings and no problem.
/// </summary>
public static class SettingsReader
{
    public const string Where = "the settings file";

    private static readonly string[] TopKeys = ["environments", "policies", "state", "interval", "concurrency", "dryRun", "listen", "shutdownTimeout", "organizationDeadline"];
    private static readonly string[] EnvironmentKeys = ["name", "url", "tokenUrl", "credentials", "addonServiceVersion", "policySource", "prometheus", "notifications"];
    private static readonly string[] CredentialKeys = ["clientId", "clientIdEnv", "clientSecretEnv", "clientSecretFile", "offlineTokenEnv", "offlineTokenFile"];

    public static async Task<SettingsDocument> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var source = await SourceFiles.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        return FromSource(source);
    }

    public static SettingsDocument FromSource(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Text is null
            ? new SettingsDocument(source.File, null, [source.Error!]) { IsUnreadable = true }
            : Read(source.Text, source.File);
    }

    /// <summary>Reads the text of a settings file; <paramref name="file"/> is the name used in diagnostics.</summary>
    public static SettingsDocument Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bag = new DiagnosticBag(file);
        if (SourceFiles.CheckText(file, text) is { } fileError)
        {
            return new SettingsDocument(file, null, [fileError]) { IsUnreadable = true };
        }

        var parsed = YamlTreeParser.Parse(text, bag);
        if (parsed.Failed)
        {
            return new SettingsDocument(file, null, bag.ToImmutable());
        }

        if (parsed.Root is null or YamlScalar { IsNull: true })
        {
            return new SettingsDocument(file, SettingsFile.Empty, bag.ToImmutable());
        }

        var reader = new NodeReader(bag);
        if (parsed.Root is not YamlMapping root)
        {
            bag.Error(parsed.Root, PolicyMessages.NotAMapping(parsed.Root.Describe(), "a mapping of keys (environments, policies, state, ...)"));
            return new SettingsDocument(file, null, bag.ToImmutable());
        }

        return new SettingsDocument(file, ReadRoot(root, reader), bag.ToImmutable());
    }

    private static SettingsFile ReadRoot(YamlMapping root, NodeReader reader)
    {
        reader.CheckKeys(root, Where, TopKeys);
        return new SettingsFile
        {
            Environments = ReadEnvironments(NodeReader.Optional(root, "environments"), reader),
            Policies = ReadPolicies(NodeReader.Optional(root, "policies"), reader),
            State = Value(root, "state", reader),
            Interval = Value(root, "interval", reader),
            Listen = Value(root, "listen", reader),
            ShutdownTimeout = Value(root, "shutdownTimeout", reader),
            OrganizationDeadline = Value(root, "organizationDeadline", reader),
            Concurrency = ReadConcurrency(NodeReader.Optional(root, "concurrency"), reader),
            DryRun = NodeReader.Optional(root, "dryRun") is { } dryRun ? reader.Boolean(dryRun, "dryRun") : null,
        };
    }

    private static SettingValue? Value(YamlMapping mapping, string key, NodeReader reader) =>
        NodeReader.Optional(mapping, key) is { } node && reader.String(node, key) is { } text
            ? new SettingValue(key, text, node.Line, node.Column)
            : null;

    private static int? ReadConcurrency(YamlNode? node, NodeReader reader)
    {
        if (node is null || reader.Integer(node, "concurrency", "a whole number from 1 to 64") is not { } value)
        {
            return null;
        }

        if (value is < 1 or > 64)
        {
            reader.Bag.Error(node, $"concurrency '{value}' is not allowed; it must be a whole number from 1 to 64");
            return null;
        }

        return (int)value;
    }

    private static ImmutableArray<string> ReadPolicies(YamlNode? node, NodeReader reader) =>
        node is YamlScalar && reader.String(node, "policies") is { } single
            ? [single]
            : node is YamlScalar ? [] : [.. reader.StringList(node, "policies").Select(p => p.Value)];

    private static ImmutableArray<SettingsEnvironment> ReadEnvironments(YamlNode? node, NodeReader reader)
    {
        var environments = ImmutableArray.CreateBuilder<SettingsEnvironment>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var items = reader.Sequence(node, "environments", "a list of environments (name, url, tokenUrl, credentials, ...)");
        for (var i = 0; i < items.Count; i++)
        {
            var path = NodeReader.Index("environments", i);
            if (reader.Mapping(items[i], path) is not { } mapping)
            {
                continue;
            }

            if (ReadEnvironment(mapping, path, reader) is not { } environment)
            {
                continue;
            }

            if (!names.Add(environment.Name))
            {
                reader.Bag.Error(mapping, $"environment '{environment.Name}' is defined twice");
                continue;
            }

            environments.Add(environment);
        }

        return environments.ToImmutable();
    }

    private static SettingsEnvironment? ReadEnvironment(YamlMapping mapping, string path, NodeReader reader)
    {
        reader.CheckKeys(mapping, "an environment", EnvironmentKeys);
        var name = reader.OptionalString(mapping, "name", path);
        var url = reader.OptionalString(mapping, "url", path);
        var tokenUrl = reader.OptionalString(mapping, "tokenUrl", path);
        var credentials = NodeReader.Optional(mapping, "credentials") is { } credentialsNode
            ? ReadCredentials(credentialsNode, NodeReader.Join(path, "credentials"), reader)
            : null;
        var addonService = ReadChoice(mapping, "addonServiceVersion", path, ["v1", "v2"], reader);
        var policySource = ReadChoice(mapping, "policySource", path, ["files", "labels"], reader) == "labels" ? PolicySourceKind.Labels : PolicySourceKind.Files;

        var places = ImmutableDictionary.CreateBuilder<string, (int Line, int Column)>(StringComparer.Ordinal);
        var prometheus = NodeReader.Optional(mapping, "prometheus") is { } prometheusNode ? PlainData.From(prometheusNode, "prometheus", places) : null;
        var notifications = NodeReader.Optional(mapping, "notifications") is { } notificationsNode ? PlainData.From(notificationsNode, "notifications", places) : null;

        if (string.IsNullOrWhiteSpace(name))
        {
            reader.Bag.Error(mapping, "an environment needs a 'name' (the value of 'environment' in the organization files)");
            return null;
        }

        return new SettingsEnvironment(name, mapping.Line, mapping.Column)
        {
            Url = url,
            TokenUrl = tokenUrl,
            Credentials = credentials,
            AddonServiceVersion = addonService,
            PolicySource = policySource,
            Prometheus = prometheus,
            Notifications = notifications,
            Places = places.ToImmutable(),
        };
    }

    private static string? ReadChoice(YamlMapping mapping, string key, string path, string[] allowed, NodeReader reader)
    {
        if (NodeReader.Optional(mapping, key) is not { } node || reader.String(node, NodeReader.Join(path, key)) is not { } text)
        {
            return null;
        }

        if (allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        reader.Bag.Error(node, PolicyMessages.WrongType(NodeReader.Join(path, key), string.Join(" or ", allowed), node.Describe()));
        return null;
    }

    private static SettingsCredentials? ReadCredentials(YamlNode node, string path, NodeReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        foreach (var entry in mapping.Entries.Where(e => !CredentialKeys.Contains(e.Key.Text, StringComparer.Ordinal)))
        {
            var hint = entry.Key.Text is "clientSecret" or "offlineToken" or "token" or "password"
                ? "; secrets never go in the settings file: name a variable (...Env) or a file (...File)"
                : string.Empty;
            reader.Bag.Error(entry.Key, PolicyMessages.UnknownKey(entry.Key.Text, "credentials", CredentialKeys) + hint);
        }

        var credentials = new SettingsCredentials
        {
            ClientId = reader.OptionalString(mapping, "clientId", path),
            ClientIdEnv = reader.OptionalString(mapping, "clientIdEnv", path),
            ClientSecretEnv = reader.OptionalString(mapping, "clientSecretEnv", path),
            ClientSecretFile = reader.OptionalString(mapping, "clientSecretFile", path),
            OfflineTokenEnv = reader.OptionalString(mapping, "offlineTokenEnv", path),
            OfflineTokenFile = reader.OptionalString(mapping, "offlineTokenFile", path),
        };

        if ((credentials.ClientSecretEnv is not null && credentials.ClientSecretFile is not null)
            || (credentials.OfflineTokenEnv is not null && credentials.OfflineTokenFile is not null))
        {
            reader.Bag.Error(mapping, $"{path}: give a secret either from a variable (...Env) or from a file (...File), not both");
        }

        var serviceAccount = credentials.ClientId is not null || credentials.ClientIdEnv is not null || credentials.ClientSecretEnv is not null || credentials.ClientSecretFile is not null;
        if (serviceAccount && (credentials.OfflineTokenEnv is not null || credentials.OfflineTokenFile is not null))
        {
            reader.Bag.Error(mapping, $"{path}: choose a service account (clientId..., clientSecret...) or an offline token (offlineToken...), not both");
        }

        return credentials;
    }
}
