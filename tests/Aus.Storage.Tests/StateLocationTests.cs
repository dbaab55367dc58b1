using Npgsql;

namespace Aus.Storage.Tests;

public sealed class StateLocationTests
{
    [Theory]
    [InlineData("/var/lib/aus/state.db", "/var/lib/aus/state.db")]
    [InlineData("relative.db", null)]
    public void TryParse_AFilePath_IsSqlite(string text, string? fullPath)
    {
        StateLocation.TryParse(text, out var location, out var error).ShouldBeTrue(error);

        location!.Dialect.ShouldBe(StateDialect.Sqlite);
        location.Target.ShouldBe(fullPath ?? Path.GetFullPath(text));
    }

    [Fact]
    public void TryParse_Nothing_IsTheDefaultFile()
    {
        StateLocation.TryParse(null, out var location, out _).ShouldBeTrue();

        location!.Target.ShouldBe(StateLocation.DefaultSqlitePath());
        location.Target.ShouldEndWith(Path.Combine("aus", "state.db"));
    }

    [Fact]
    public void TryParse_HomeRelativePath_ExpandsTheHomeDirectory()
    {
        StateLocation.TryParse("~/aus.db", out var location, out _).ShouldBeTrue();

        location!.Target.ShouldBe(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "aus.db"));
    }

    [Fact]
    public void TryParse_PostgresUri_BecomesAnNpgsqlConnectionString()
    {
        StateLocation.TryParse("postgresql://aus:p%40ss@db.example:6432/aus_state?sslmode=verify-full&application_name=aus-eu", out var location, out var error)
            .ShouldBeTrue(error);

        location!.Dialect.ShouldBe(StateDialect.PostgreSql);
        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        builder.Host.ShouldBe("db.example");
        builder.Port.ShouldBe(6432);
        builder.Username.ShouldBe("aus");
        builder.Password.ShouldBe("p@ss");
        builder.Database.ShouldBe("aus_state");
        builder.SslMode.ShouldBe(SslMode.VerifyFull);
        builder.ApplicationName.ShouldBe("aus-eu");
        location.HasPassword.ShouldBeTrue();
        location.Description.ShouldBe("postgresql://aus@db.example:6432/aus_state");
    }

    [Fact]
    public void TryParse_PostgresUriWithIpv6AndNoPassword_Works()
    {
        StateLocation.TryParse("postgres://aus@[::1]:5433/state", out var location, out var error).ShouldBeTrue(error);

        var builder = new NpgsqlConnectionStringBuilder(location!.Target);
        builder.Host.ShouldBe("::1");
        builder.Port.ShouldBe(5433);
        location.HasPassword.ShouldBeFalse();
    }

    [Fact]
    public void TryParse_ConnectionString_IsPostgres()
    {
        StateLocation.TryParse("Host=127.0.0.1;Port=5432;Username=aus;Database=aus", out var location, out var error).ShouldBeTrue(error);

        location!.Dialect.ShouldBe(StateDialect.PostgreSql);
        location.Description.ShouldBe("postgresql://aus@127.0.0.1:5432/aus");
    }

    [Theory]
    [InlineData("postgresql://db/aus?frobnicate=1", "unsupported parameter 'frobnicate'")]
    [InlineData("postgresql://db/aus?sslmode=sometimes", "invalid sslmode 'sometimes'")]
    [InlineData("postgresql://db:99999/aus", "invalid port '99999'")]
    [InlineData("mysql://db/aus", "neither a file path nor a postgresql:// URI")]
    [InlineData("Host=db;Frobnicate=1", "invalid PostgreSQL connection string")]
    public void TryParse_Malformed_SaysWhatIsWrong(string text, string expected)
    {
        StateLocation.TryParse(text, out var location, out var error).ShouldBeFalse();

        location.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected);
    }
    [Theory]
    [InlineData("Host=db;Username=aus;Password='it's-s3cret'")]
    [InlineData("host = db; password='s3cret")]
    [InlineData("Server=db;Password=\"s3cret")]
    [InlineData("Host=db;Password=s3cret;Port=notaport")]
    [InlineData("Host=db;Password=s3cret;Frobnicate=s3cret")]
    [InlineData("postgresql://aus:s3cret@db:notaport/aus")]
    [InlineData("postgres://aus:s3cret@db/aus?password=s3cret&sslmode=sometimes")]
    [InlineData("mysql://aus:s3cret@db/aus")]
    public void TryParse_LooksLikePostgresButDoesNotParse_IsAnError_ThatNeverShowsThePassword(string text)
    {
        StateLocation.TryParse(text, out var location, out var error).ShouldBeFalse();

        location.ShouldBeNull();
        error.ShouldNotBeNull().ShouldNotContain("s3cret");
        error.ShouldNotContain("3cret");
    }

    [Theory]
    [InlineData("postgresql://aus:pa/ss@db:6432/aus", "pa/ss")]
    [InlineData("postgresql://aus:pa?ss@db:6432/aus", "pa?ss")]
    [InlineData("postgresql://aus:a/b?c@d@db:6432/aus?sslmode=require", "a/b?c@d")]
    public void TryParse_UriPasswordWithSlashOrQuestionMark_IsThePassword(string text, string password)
    {
        StateLocation.TryParse(text, out var location, out var error).ShouldBeTrue(error);

        var builder = new NpgsqlConnectionStringBuilder(location!.Target);
        builder.Password.ShouldBe(password);
        builder.Host.ShouldBe("db");
        builder.Port.ShouldBe(6432);
        builder.Database.ShouldBe("aus");
        location.Description.ShouldBe("postgresql://aus@db:6432/aus");
    }
}
