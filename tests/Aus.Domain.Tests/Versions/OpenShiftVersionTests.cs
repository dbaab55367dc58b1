using Aus.Domain.Versions;

namespace Aus.Domain.Tests.Versions;

public sealed class OpenShiftVersionTests
{
    [Theory]
    [InlineData("4.16.0-ec.2", "4.16.0-rc.1")]
    [InlineData("4.16.0-rc.1", "4.16.0")]
    [InlineData("4.9.0", "4.10.0")]
    [InlineData("4.8.0-fc.1", "4.8.0-rc.0")]
    [InlineData("4.8.0-rc.2", "4.8.0-rc.10")]
    [InlineData("4.8.0", "4.8.1")]
    [InlineData("4.16.9", "4.16.10")]
    [InlineData("4.16.0-rc", "4.16.0-rc.1")]
    [InlineData("4.16.0-1", "4.16.0-alpha")]
    [InlineData("4.99.99", "5.0.0")]
    public void CompareTo_OrdersBySemVerPrecedence(string lower, string higher)
    {
        var low = OpenShiftVersion.Parse(lower);
        var high = OpenShiftVersion.Parse(higher);

        (low < high).ShouldBeTrue();
        (high > low).ShouldBeTrue();
        low.CompareTo(high).ShouldBeLessThan(0);
        high.CompareTo(low).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Equals_IgnoresBuildMetadata()
    {
        OpenShiftVersion.Parse("4.16.2+abc").ShouldBe(OpenShiftVersion.Parse("4.16.2"));
    }

    [Fact]
    public void ToString_ReturnsTheParsedText()
    {
        OpenShiftVersion.Parse("4.17.0-rc.1").ToString().ShouldBe("4.17.0-rc.1");
    }

    [Theory]
    [InlineData("4.12")]
    [InlineData("4")]
    [InlineData("4.12.1.2")]
    [InlineData("v4.12.1")]
    [InlineData("4.012.1")]
    [InlineData("4.12.1-")]
    [InlineData("4.12.1-rc..1")]
    [InlineData("4.12.1-rc.01")]
    [InlineData("4.12.x")]
    [InlineData(" 4.12.1")]
    [InlineData("")]
    public void TryParse_RejectsWhatIsNotSemVer(string text)
    {
        OpenShiftVersion.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeEmpty();
    }

    [Fact]
    public void Parse_InvalidVersion_NamesTheTextAndTheExpectedForm()
    {
        var e = Should.Throw<FormatException>(() => OpenShiftVersion.Parse("4.12"));
        e.Message.ShouldBe("'4.12' is not a valid version; expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] such as 4.16.2 or 4.17.0-rc.1");
    }

    [Fact]
    public void MinorVersion_IsTheMajorMinorPrefix()
    {
        OpenShiftVersion.Parse("4.16.2").MinorVersion.ShouldBe(new MinorVersion(4, 16));
        OpenShiftVersion.Parse("4.16.2").MinorVersion.ToString().ShouldBe("4.16");
        (new MinorVersion(4, 9) < new MinorVersion(4, 10)).ShouldBeTrue();
    }
}
