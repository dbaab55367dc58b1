using Aus.Application.Reconcile;
using Aus.Cli.Output;
using Aus.Cli.Service;
using Aus.Domain.Fleet;
using Aus.Ocm;

namespace Aus.Cli.Tests.Run;

/// <summary>What `aus run` prints about the versions its pass halted.</summary>
public sealed class RunReportWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AVersionHaltedInThePass_IsAnnounced_WithHowToLiftIt()
    {
        var text = RunReportWriter.Write(Pass(["4.16.9"]), dryRun: false);

        text.ShouldContain("org-h (org-h): version 4.16.9 halted after failed upgrades; `aus resume --org org-h --version 4.16.9` lifts it\n");
    }

    [Fact]
    public void ADryRun_SaysTheVersionWouldBeHalted()
    {
        RunReportWriter.Write(Pass(["4.16.9"]), dryRun: true).ShouldContain("version 4.16.9 would be halted after failed upgrades");
    }

    [Fact]
    public void WithoutHalts_NothingIsSaidAboutThem()
    {
        RunReportWriter.Write(Pass([]), dryRun: false).ShouldNotContain("halted");
    }

    private static ServicePass Pass(string[] halted) =>
        new(Now, [new OrganizationOutcome(new OrganizationId("org-h"), "org-h", new EnvironmentName("production")) { HaltedVersions = [.. halted] }], OcmCallCounts.None, TimeSpan.Zero);
}
