using System.Text;
using Aus.Domain.Planning;
using Aus.Storage;

namespace Aus.Cli.Output;

/// <summary>`aus audit`'s output: an aligned table for people, or JSON for scripts.</summary>
internal static class AuditWriter
{
    private static readonly string[] Headers = ["TIME", "ENV", "ORG", "CLUSTER", "ACTION", "VERSION", "RESULT", "REASON", "OPERATION"];

    public static string Table(IReadOnlyList<AuditRecord> records)
    {
        if (records.Count == 0)
        {
            return "No audit records.\n";
        }

        var rows = records.Select(r => new[]
        {
            TimeFormat.Format(r.Time), r.Environment.Value, r.OrganizationId.Value, r.Cluster ?? "-", r.Action, r.Version ?? "-", Result(r.Result),
            OneLine(r.Reason ?? "-"), r.OperationId ?? "-",
        }).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            // The last column is not padded, so lines carry no trailing blanks.
            text.AppendJoin("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
        }

        return text.ToString();
    }

    public static string Json(IReadOnlyList<AuditRecord> records) => JsonText.Write(json =>
    {
        json.WriteStartArray();
        foreach (var record in records)
        {
            json.WriteStartObject();
            json.WriteString("time", TimeFormat.Format(record.Time));
            json.WriteString("environment", record.Environment.Value);
            json.WriteString("orgId", record.OrganizationId.Value);
            WriteOptional(json, "cluster", record.Cluster);
            json.WriteString("action", record.Action);
            WriteOptional(json, "version", record.Version);
            json.WriteString("result", Result(record.Result));
            WriteOptional(json, "reason", record.Reason);
            WriteOptional(json, "operationId", record.OperationId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }) + "\n";

    private static void WriteOptional(System.Text.Json.Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Result(AuditResult result) => result switch
    {
        AuditResult.Succeeded => "succeeded",
        AuditResult.Failed => "failed",
        _ => "refused",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
