using System.Text.Json;
using Aus.Application.Forecast;
using Aus.Domain.Planning;

namespace Aus.Cli.Output;

/// <summary>
/// `aus forecast --output json`: everything the forecast knows, for scripts and for a dashboard's
/// timeline (per cluster every upgrade with its start and completion, per organization the end).
/// </summary>
internal static class ForecastJsonWriter
{
    public static string Write(Forecast forecast) => JsonText.Write(json =>
    {
        WriteForecast(json, forecast);
    }) + "\n";

    public static string Write(ForecastComparison comparison) => JsonText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("changes");
        foreach (var cluster in comparison.Clusters.Where(c => c.IsChanged))
        {
            json.WriteStartObject();
            json.WriteString("organization", cluster.OrgId);
            json.WriteString("cluster", cluster.Name);
            Time(json, "baselineCompletion", cluster.Baseline?.Completion);
            Time(json, "proposedCompletion", cluster.Proposed?.Completion);
            if (cluster.CompletionShift is { } shift)
            {
                json.WriteNumber("shiftSeconds", (long)shift.TotalSeconds);
            }
            else
            {
                json.WriteNull("shiftSeconds");
            }

            json.WriteStartArray("policyChanges");
            foreach (var change in cluster.Changes)
            {
                json.WriteStartObject();
                json.WriteString("field", change.Field);
                json.WriteString("before", change.Before);
                json.WriteString("after", change.After);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("baseline");
        WriteForecast(json, comparison.Baseline);
        json.WritePropertyName("proposed");
        WriteForecast(json, comparison.Proposed);
        json.WriteEndObject();
    }) + "\n";

    private static void WriteForecast(Utf8JsonWriter json, Forecast forecast)
    {
        json.WriteStartObject();
        Time(json, "now", forecast.Now);
        Time(json, "end", forecast.End);
        json.WriteStartObject("release");
        json.WriteString("version", forecast.Release.Version.ToString());
        Time(json, "offeredAt", forecast.Release.OfferedAt ?? forecast.Now);
        json.WriteEndObject();
        json.WriteNumber("intervalSeconds", (long)forecast.Interval.TotalSeconds);
        json.WriteNumber("upgradeDurationSeconds", (long)forecast.UpgradeDuration.TotalSeconds);
        json.WriteStartArray("organizations");
        foreach (var organization in forecast.Organizations)
        {
            json.WriteStartObject();
            json.WriteString("orgId", organization.OrgId);
            json.WriteString("name", organization.Name);
            json.WriteNumber("clusterCount", organization.Clusters);
            json.WriteNumber("reached", organization.Reached);
            Time(json, "rolloutEnd", organization.RolloutEnd);
            json.WriteBoolean("invalid", organization.IsInvalid);
            json.WriteStartArray("clusters");
            foreach (var cluster in forecast.Clusters.Where(c => c.OrgId == organization.OrgId))
            {
                WriteCluster(json, cluster);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCluster(Utf8JsonWriter json, ClusterForecast cluster)
    {
        json.WriteStartObject();
        json.WriteString("name", cluster.Name);
        json.WriteString("version", cluster.Version);
        json.WriteString("outcome", ForecastText.Outcome(cluster.Outcome));
        Time(json, "start", cluster.Start);
        Time(json, "completion", cluster.Completion);
        json.WriteString("targetVersion", cluster.TargetVersion);
        json.WritePropertyName("heldLongest");
        Held(json, cluster.HeldLongest);
        json.WritePropertyName("lastCondition");
        Held(json, cluster.LastCondition, withDuration: false);
        json.WriteStartArray("conditions");
        foreach (var held in cluster.Conditions)
        {
            Held(json, held);
        }

        json.WriteEndArray();
        json.WriteStartArray("upgrades");
        foreach (var upgrade in cluster.Upgrades)
        {
            json.WriteStartObject();
            json.WriteString("kind", PlanJsonWriter.KindName(upgrade.Kind));
            if (upgrade.NodePool is { } pool)
            {
                json.WriteString("nodePool", pool);
            }

            json.WriteString("version", upgrade.Version);
            Time(json, "created", upgrade.Created);
            Time(json, "start", upgrade.Start);
            Time(json, "completion", upgrade.Completion);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Held(Utf8JsonWriter json, HeldCondition? held, bool withDuration = true)
    {
        if (held is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("reason", held.Reason.ToCode());
        json.WriteString("detail", held.Detail);
        if (withDuration)
        {
            json.WriteNumber("seconds", (long)held.Duration.TotalSeconds);
        }

        json.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            json.WriteString(name, TimeFormat.Format(t));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
