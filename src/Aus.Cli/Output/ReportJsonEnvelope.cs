using System.Text.Json;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>
/// What the fleet and add-on JSON reports share: the pass's time and one object per organization
/// that has rows, by name, with its id and name before the rows its report writes.
/// </summary>
internal static class ReportJsonEnvelope
{
    public static string Write(FleetPlan plan, Func<OrganizationPlan, bool> hasRows, Action<Utf8JsonWriter, OrganizationPlan> writeRows)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("now", TimeFormat.Format(plan.Now));
            json.WriteStartArray("organizations");
            foreach (var organization in plan.Organizations.Where(hasRows).OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("orgId", organization.OrgId.Value);
                json.WriteString("name", organization.Name);
                writeRows(json, organization);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
