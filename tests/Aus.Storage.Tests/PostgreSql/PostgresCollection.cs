namespace Aus.Storage.Tests.PostgreSql;

/// <summary>Every PostgreSQL test shares one server; each test gets a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
