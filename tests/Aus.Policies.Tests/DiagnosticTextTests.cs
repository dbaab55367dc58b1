using Aus.Policies.Diagnostics;
using Aus.Policies.Fleet;
using Aus.Policies.History;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests;

/// <summary>A diagnostic is one line that cannot forge another line or drive the terminal, and stays short.</summary>
public sealed class DiagnosticTextTests
{
    [Theory]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\rb", "a\\rb")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("a\u001b[31mb", "a\\u001b[31mb")]
    [InlineData("a\u2028b\u2029c", "a\\u2028b\\u2029c")]
    [InlineData("a\u0085b\u009bc", "a\\u0085b\\u009bc")]
    [InlineData("a\u007fb", "a\\u007fb")]
    [InlineData("a\\nb", "a\\nb")]
    [InlineData("plain ünïcödé ✓", "plain ünïcödé ✓")]
    public void ControlCharacters_AreEscaped(string raw, string shown)
    {
        DiagnosticText.Escape(raw).ShouldBe(shown);
    }

    [Fact]
    public void LongMessages_AreShortened_SayingHowMuchWasLeftOut()
    {
        var message = new Diagnostic("f.yaml", 1, 1, DiagnosticSeverity.Error, "value " + new string('x', 3_000_000)).Message;

        message.Length.ShouldBeLessThan(DiagnosticText.MaxLength + 50);
        message.ShouldEndWith($"... ({3_000_006 - DiagnosticText.MaxLength} more characters)");
    }

    [Theory]
    [InlineData("\"a\\nf.yaml:1:1: error: forged\": 1\n")]
    [InlineData("\"a\\u2028f.yaml:1:1: error: forged\": 1\n")]
    [InlineData("\"a\\e[2Jb\": 1\n")]
    public void OrganizationReader_QuotedKeyWithControls_StaysOnOneLine(string line)
    {
        var diagnostics = OrganizationReader.Read("name: a\norgId: b\n" + line, "f.yaml").Diagnostics.Select(d => d.ToString());

        diagnostics.ShouldAllBe(d => IsOneCleanLine(d));
        diagnostics.ShouldContain(d => d.Contains("unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void FleetReader_QuotedValueWithControls_StaysOnOneLine()
    {
        var diagnostics = FleetReader.Read("organizations:\n- orgId: \"o\\nf.yaml:1:1: error: forged\"\n  clusters: 7\n", "f.yaml").Diagnostics;

        diagnostics.ShouldNotBeEmpty();
        diagnostics.Select(d => d.ToString()).ShouldAllBe(d => IsOneCleanLine(d));
    }

    [Fact]
    public void HistoryReader_KeyWithControls_StaysOnOneLine()
    {
        var diagnostics = HistoryReader.Read("{\"versions\": {}, \"x\\u001b[2J\\ny\": 1}", "h.json").Diagnostics;

        diagnostics.Select(d => d.ToString()).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => IsOneCleanLine(d).ShouldBeTrue(d),
            d => d.ShouldContain("x\\u001b[2J\\ny"));
    }

    [Fact]
    public void FileNames_AreEscapedToo()
    {
        new Diagnostic("evil\nf.yaml", 1, 2, DiagnosticSeverity.Error, "m").ToString().ShouldBe("evil\\nf.yaml:1:2: error: m");
    }

    private static bool IsOneCleanLine(string text) =>
        !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');
}
