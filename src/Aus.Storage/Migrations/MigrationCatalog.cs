using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Aus.Storage.Migrations;

/// <summary>The migrations embedded in this assembly, per dialect, in version order.</summary>
internal static class MigrationCatalog
{
    public static IReadOnlyList<Migration> For(StateDialect dialect)
    {
        var folder = dialect switch
        {
            StateDialect.Sqlite => "Sqlite",
            StateDialect.PostgreSql => "PostgreSql",
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
        };
        var prefix = $"Migrations/{folder}/";
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = name[prefix.Length..];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"migration {name} is not named NNNN_description.sql");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, fileName, sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"{dialect} migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Name} at position {i + 1}");
            }
        }

        return migrations;
    }
}
