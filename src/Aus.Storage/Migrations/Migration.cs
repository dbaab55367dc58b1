namespace Aus.Storage.Migrations;

/// <summary>One numbered schema migration of one dialect, as shipped in the assembly.</summary>
/// <param name="Version">The number the file name starts with; the schema version once applied.</param>
/// <param name="Name">The file name, for instance <c>0001_initial.sql</c>.</param>
/// <param name="Sql">The statements.</param>
/// <param name="Checksum">SHA-256 of the statements with line ends normalized, recorded when applied.</param>
internal sealed record Migration(int Version, string Name, string Sql, string Checksum);
