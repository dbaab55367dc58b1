using System.Diagnostics;
using Aus.Domain.Policies;

namespace Aus.Domain.Tests.Policies;

public sealed class VersionPatternTests
{
    [Theory]
    [InlineData(".*", "4.12.5")]
    [InlineData("4.12.*", "4.12.5")]
    [InlineData("4.13.0", "4.13.0")]
    [InlineData("4.12.1", "4.12.18")]
    [InlineData("4.12.1", "4.12.19")]
    [InlineData(@"^.*-rc\..*$", "4.14.0-rc.1")]
    [InlineData("rc", "4.14.0-rc.1")]
    public void IsMatch_SearchesAnywhereInTheVersion(string pattern, string version)
    {
        VersionPattern.Create(pattern).IsMatch(version).ShouldBeTrue();
    }

    [Theory]
    [InlineData("4.13.0", "4.13.1")]
    [InlineData(@"^.*-rc\..*$", "4.14.0")]
    [InlineData(@"^.*-rc\..*$", "4.14.0-ec.1")]
    [InlineData(@"^4\.12\.1$", "4.12.18")]
    [InlineData("4.12.*", "4.13.0")]
    public void IsMatch_PatternNotFound_DoesNotMatch(string pattern, string version)
    {
        VersionPattern.Create(pattern).IsMatch(version).ShouldBeFalse();
    }

    [Fact]
    public void IsMatch_UnescapedDot_IsAWildcard()
    {
        VersionPattern.Create("4.12").IsMatch("4x12").ShouldBeTrue();
        VersionPattern.Create(@"4\.12").IsMatch("4x12").ShouldBeFalse();
    }

    [Fact]
    public void IsMatch_CatastrophicPattern_TimesOutAndCountsAsBlocked()
    {
        var pattern = VersionPattern.Create("^(a+)+$");
        var hostile = new string('a', 5000) + "!";

        var watch = Stopwatch.StartNew();
        var blocked = pattern.IsMatch(hostile);
        watch.Stop();

        // A timed-out match blocks: blocking by mistake is safe, upgrading by mistake is not.
        blocked.ShouldBeTrue();
        // Generous bound: without the timeout this input would backtrack for longer than the universe exists.
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("(")]
    [InlineData("[4.12")]
    [InlineData("*4.12")]
    [InlineData(@"4.12\")]
    public void TryCreate_InvalidRegex_FailsWithAReason(string source)
    {
        VersionPattern.TryCreate(source, out var pattern, out var error).ShouldBeFalse();

        pattern.ShouldBeNull();
        error.ShouldNotBeEmpty();
    }

    [Fact]
    public void Create_InvalidRegex_Throws()
    {
        Should.Throw<ArgumentException>(() => VersionPattern.Create("("));
    }

    [Fact]
    public void Equality_IsBySource()
    {
        VersionPattern.Create("4.12.*").ShouldBe(VersionPattern.Create("4.12.*"));
        VersionPattern.Create("4.12.*").ShouldNotBe(VersionPattern.Create("4.12"));
        VersionPattern.Create("4.12.*").ToString().ShouldBe("4.12.*");
    }
}
