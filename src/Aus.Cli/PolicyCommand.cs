using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Aus.Cli.Output;
using Aus.Domain.Fleet;
using Aus.Policies.Diagnostics;
using Aus.Policies.Fleet;
using Aus.Policies.Labels;
using Aus.Policies.Organizations;

namespace Aus.Cli;

/// <summary>
/// <c>aus policy labels FILE</c> and <c>aus policy from-labels --org ORGID</c>: between organization
/// files and the sre-capabilities.aus.* OCM labels that express the same policy.
/// </summary>
internal static class PolicyCommand
{
    private static readonly string[] Formats = ["table", "json"];

    public static Command Create()
    {
        var command = new Command("policy", "Turn an organization file into the OCM labels that express it, and back.");
        command.Subcommands.Add(CreateLabels());
        command.Subcommands.Add(CreateFromLabels());
        return command;
    }

    private static Command CreateLabels()
    {
        var file = new Argument<string>("FILE") { Description = "An organization file." };
        var output = new Option<string>("--output")
        {
            Description = "table (for people) or json (for scripts).",
            HelpName = "table|json",
            DefaultValueFactory = _ => "table",
        };
        output.AcceptOnlyFromAmong(Formats);
        var command = new Command(
            "labels",
            "Print the organization and subscription labels (sre-capabilities.aus.*) that express an organization file: "
            + "list values are sorted and comma-joined, and every sector gets its sector-deps label.")
        {
            file, output,
        };
        command.SetAction((parse, cancellationToken) =>
            LabelsAsync(parse.GetValue(file)!, parse.GetValue(output)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static Command CreateFromLabels()
    {
        var org = new Option<string>("--org") { Description = "The OCM organization id.", HelpName = "ORGID", Required = true };
        var fleet = new Option<string?>("--fleet") { Description = "Take the labels from this fleet snapshot instead of OCM.", HelpName = "FILE" };
        var ocmUrl = new Option<string?>("--ocm-url") { Description = "Read the labels from this OCM API. [default: OCM_URL]", HelpName = "URL" };
        var tokenUrl = new Option<string?>("--token-url") { Description = "OAuth2 token endpoint for OCM. [default: OCM_TOKEN_URL, else Red Hat SSO]", HelpName = "URL" };
        var command = new Command(
            "from-labels",
            "Print the organization file that the organization's sre-capabilities.aus.* labels express (in OCM, or in a fleet snapshot with --fleet). "
            + "Problems with labels go to stderr; clusters whose labels are invalid are left out.")
        {
            org, fleet, ocmUrl, tokenUrl,
        };
        command.SetAction((parse, cancellationToken) => FromLabelsAsync(
            parse.GetValue(org)!,
            parse.GetValue(fleet),
            parse.GetValue(ocmUrl),
            parse.GetValue(tokenUrl),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> LabelsAsync(string file, string format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var document = await OrganizationReader.ReadFileAsync(file, cancellationToken);
        await PrintAsync(stderr, document.Diagnostics);
        if (document.IsUnreadable || document.Policy is null)
        {
            return document.IsUnreadable ? ExitCodes.Usage : ExitCodes.Invalid;
        }

        if (document.HasErrors)
        {
            return ExitCodes.Invalid;
        }

        var labels = PolicyLabels.For(document.Policy);
        await stdout.WriteAsync(format == "json" ? Json(labels) + "\n" : Table(labels));
        return ExitCodes.Success;
    }

    private static async Task<int> FromLabelsAsync(
        string orgId, string? fleetPath, string? ocmUrl, string? tokenUrl, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (fleetPath is not null && ocmUrl is not null)
        {
            await stderr.WriteLineAsync("aus: error: give --fleet FILE or --ocm-url URL, not both");
            return ExitCodes.Usage;
        }

        var organization = fleetPath is null
            ? await FromOcmAsync(orgId, ocmUrl, tokenUrl, stderr, cancellationToken)
            : await FromFleetAsync(orgId, fleetPath, stderr, cancellationToken);
        if (organization is null)
        {
            return ExitCodes.Usage;
        }

        var labelled = LabelledOrganization.From(organization);
        if (!labelled.HasLabelledClusters && !labelled.Labels.Keys.Any(AusLabelKeys.IsAusLabel))
        {
            await stderr.WriteLineAsync($"aus: error: organization {orgId} has no sre-capabilities.aus.* labels, on itself or on its clusters");
            return ExitCodes.Invalid;
        }

        var document = LabelPolicyReader.Read(labelled);
        await PrintAsync(stderr, document.Diagnostics);
        await stdout.WriteAsync(OrganizationWriter.Write(document.Policy!));
        return document.HasErrors ? ExitCodes.Invalid : ExitCodes.Success;
    }

    private static async Task<FleetOrganization?> FromFleetAsync(string orgId, string fleetPath, TextWriter stderr, CancellationToken cancellationToken)
    {
        var fleet = await FleetReader.ReadFileAsync(fleetPath, cancellationToken);
        if (!await InputFiles.CheckFleetKindAsync(fleet, stderr))
        {
            return null;
        }

        await PrintAsync(stderr, fleet.Diagnostics);
        if (fleet.Snapshot is null || fleet.HasErrors)
        {
            return null;
        }

        return fleet.Snapshot.Find(new OrganizationId(orgId)) ?? new FleetOrganization(new OrganizationId(orgId), []);
    }

    private static async Task<FleetOrganization?> FromOcmAsync(string orgId, string? ocmUrl, string? tokenUrl, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var client = OcmConnection.TryCreate(ocmUrl, tokenUrl, stderr);
        if (client is null)
        {
            return null;
        }

        try
        {
            var result = await client.ReadLabelledFleetAsync([new OrganizationId(orgId)], cancellationToken);
            foreach (var error in result.Errors)
            {
                await stderr.WriteLineAsync($"aus: error: organization {error.OrgId}: {error.Message}");
            }

            return result.Errors.IsEmpty ? result.Snapshot.Find(new OrganizationId(orgId)) ?? new FleetOrganization(new OrganizationId(orgId), []) : null;
        }
        catch (Aus.Ocm.OcmApiException e)
        {
            await stderr.WriteLineAsync($"aus: error: reading the labels from OCM failed: {e.Message}");
            return null;
        }
    }

    private static string Table(PolicyLabels labels)
    {
        var rows = new List<(string Owner, string Key, string Value)>();
        rows.AddRange(labels.Organization.Select(l => ($"organization {labels.OrgId}", l.Key, l.Value)));
        foreach (var (cluster, clusterLabels) in labels.Clusters)
        {
            rows.AddRange(clusterLabels.Select(l => ($"cluster {cluster}", l.Key, l.Value)));
        }

        var ownerWidth = rows.Select(r => r.Owner.Length).Append("OWNER".Length).Max();
        var keyWidth = rows.Select(r => r.Key.Length).Append("KEY".Length).Max();
        var table = new System.Text.StringBuilder();
        table.Append("OWNER".PadRight(ownerWidth)).Append("  ").Append("KEY".PadRight(keyWidth)).Append("  VALUE\n");
        foreach (var (owner, key, value) in rows)
        {
            // A value is shown as JSON when it would otherwise hide what it holds (empty, spaces at an end, control characters).
            var shown = value.Length == 0 || value.Trim().Length != value.Length || value.Any(char.IsControl) ? "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"" : value;
            table.Append(owner.PadRight(ownerWidth)).Append("  ").Append(key.PadRight(keyWidth)).Append("  ").Append(shown).Append('\n');
        }

        return table.ToString();
    }

    private static string Json(PolicyLabels labels) =>
        JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("orgId", labels.OrgId);
            json.WriteStartObject("organization");
            foreach (var (key, value) in labels.Organization)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("clusters");
            foreach (var (cluster, clusterLabels) in labels.Clusters)
            {
                json.WriteStartObject();
                json.WriteString("name", cluster);
                json.WriteStartObject("labels");
                foreach (var (key, value) in clusterLabels)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static async Task PrintAsync(TextWriter stderr, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            await stderr.WriteLineAsync(diagnostic.ToString());
        }
    }
}
