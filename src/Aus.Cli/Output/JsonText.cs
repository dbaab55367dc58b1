using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aus.Cli.Output;

/// <summary>Writes indented JSON for people to read too: only what JSON requires is escaped.</summary>
internal static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
