using Aus.Simulator.Search;

namespace Aus.Simulator.Tests;

public sealed class SearchParserTests
{
    [Fact]
    public void Parse_TheClientsSyntax()
    {
        var result = SearchParser.Parse("created_at >= '2026-11-22T12:00:00Z' and id in ('a','b') and key like 'x.%' and name='it''s'");

        result.Succeeded.ShouldBeTrue();
        result.Conditions.Select(c => (c.Field, c.Operator, string.Join("|", c.Values))).ShouldBe(
        [
            ("created_at", SearchOperator.GreaterOrEqual, "2026-11-22T12:00:00Z"),
            ("id", SearchOperator.In, "a|b"),
            ("key", SearchOperator.Like, "x.%"),
            ("name", SearchOperator.Equal, "it's"),
        ]);
    }

    [Theory]
    [InlineData("a = 'x' or b = 'y'")]
    [InlineData("a in 'x'")]
    [InlineData("a = ")]
    [InlineData("a 'x'")]
    public void Parse_UnsupportedSyntax_Fails(string search) => SearchParser.Parse(search).Succeeded.ShouldBeFalse();
}
