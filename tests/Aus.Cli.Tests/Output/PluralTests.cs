using Aus.Cli.Output;

namespace Aus.Cli.Tests.Output;

/// <summary>Counts in messages agree with their number: "1 of 1 cluster gets", never "1 of 1 clusters get".</summary>
public sealed class PluralTests
{
    [Theory]
    [InlineData(1, "1 organization")]
    [InlineData(0, "0 organizations")]
    [InlineData(2, "2 organizations")]
    public void Count_TakesTheSingularOnlyForOne(int count, string expected) =>
        Plural.Count(count, "organization").ShouldBe(expected);

    [Theory]
    [InlineData(1, 1, "1 of 1 cluster gets")]
    [InlineData(0, 1, "0 of 1 cluster get")]
    [InlineData(1, 6, "1 of 6 clusters gets")]
    [InlineData(2, 6, "2 of 6 clusters get")]
    public void Of_TheNounAgreesWithTheWhole_TheVerbWithThePart(int part, int whole, string expected) =>
        $"{Plural.Of(part, whole, "cluster")} {Plural.Verb(part, "gets", "get")}".ShouldBe(expected);
}
