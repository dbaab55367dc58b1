using Aus.Domain.Policies;

namespace Aus.Domain.Tests.Policies;

/// <summary>reference-behaviour.md 11.4 and contracts.md 5.5: maxParallelUpgrades values.</summary>
public sealed class ParallelLimitTests
{
    [Theory]
    [InlineData("50%", 5, 2)]   // round(2.5) = 2, banker's rounding
    [InlineData("50%", 6, 3)]
    [InlineData("50%", 1, 1)]   // round(0.5) = 0, at least one
    [InlineData("2%", 5, 1)]    // round(0.1) = 0, at least one
    [InlineData("33%", 5, 2)]   // round(1.65) = 2
    [InlineData("100%", 6, 6)]
    [InlineData("50%", 4, 2)]
    [InlineData("50%", 3, 2)]   // round(1.5) = 2
    [InlineData("10%", 25, 2)]  // round(2.5) = 2
    [InlineData("10%", 35, 4)]  // round(3.5) = 4
    [InlineData("0%", 10, 1)]
    [InlineData("1", 5, 1)]
    [InlineData("2", 5, 2)]
    [InlineData("2", 1, 2)]     // a count does not shrink with the sector
    [InlineData("7", 3, 7)]
    public void MaxFor_RoundsHalfToEven_AndAllowsAtLeastOne(string text, int clusters, int expected)
    {
        ParallelLimit.TryParse(text, out var limit).ShouldBeTrue();

        limit.MaxFor(clusters).ShouldBe(expected);
    }

    [Theory]
    [InlineData("33.3%")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-5%")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("%")]
    [InlineData("1.5")]
    public void TryParse_RejectsWhatIsNotAPositiveCountOrAnIntegerPercentage(string? text)
    {
        ParallelLimit.TryParse(text, out var limit).ShouldBeFalse();
        limit.ShouldBeNull();
    }

    [Theory]
    [InlineData("2", 2, false)]
    [InlineData("50%", 50, true)]
    public void TryParse_ReadsCountsAndPercentages(string text, int value, bool isPercent)
    {
        ParallelLimit.TryParse(text, out var limit).ShouldBeTrue();

        limit.ShouldBe(new ParallelLimit(value, isPercent));
        limit.ToString().ShouldBe(text);
    }
}
