using Aus.Domain.Policies;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Organizations;

/// <summary>The safety-control keys of an organization file: freezes, sectors[].requireApproval, haltOnFailure.</summary>
public sealed class SafetyControlKeysTests
{
    private const string Header = "name: a\norgId: b\n";

    private static OrganizationDocument ReadDocument(string yaml) => OrganizationReader.Read(Header + yaml, "org.yaml");

    private static string[] Errors(string yaml) => [.. ReadDocument(yaml).Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Freezes_FixedAndRecurring_AreRead()
    {
        var document = ReadDocument("""
            freezes:
            - name: black-friday
              start: 2026-11-27T00:00:00Z
              end: 2026-12-01T00:00:00+01:00
            - name: weekends
              schedule: 0 18 * * 5
              duration: 2d14h
            """);

        document.Diagnostics.ShouldBeEmpty();
        var freezes = document.Policy!.Freezes;
        freezes[0].ShouldBe(FreezeWindow.Fixed("black-friday", DateTimeOffset.Parse("2026-11-27T00:00:00Z"), DateTimeOffset.Parse("2026-11-30T23:00:00Z")));
        freezes[1].Name.ShouldBe("weekends");
        freezes[1].Schedule!.Expression.ShouldBe("0 18 * * 5");
        freezes[1].Duration.ShouldBe(TimeSpan.FromHours(62));
    }

    [Fact]
    public void RequireApproval_AndHaltOnFailure_AreRead()
    {
        var document = ReadDocument("sectors:\n- name: stage\n- name: prod\n  requireApproval: true\nhaltOnFailure:\n  failedUpgrades: 2\n");

        document.Diagnostics.ShouldBeEmpty();
        document.Policy!.Sectors.Select(s => s.RequireApproval).ShouldBe([false, true]);
        document.Policy.HaltOnFailure.ShouldBe(new HaltOnFailure(2));
    }

    [Fact]
    public void WithoutTheKeys_NoControlIsConfigured()
    {
        var policy = ReadDocument("sectors:\n- name: s\n").Policy!;

        policy.Freezes.ShouldBeEmpty();
        policy.HaltOnFailure.ShouldBeNull();
        policy.Sectors.Single().RequireApproval.ShouldBeFalse();
    }

    [Fact]
    public void AFreeze_EndingBeforeItStarts_IsAnError()
    {
        Errors("freezes:\n- name: f\n  start: 2026-11-27T00:00:00Z\n  end: 2026-11-26T00:00:00Z\n").ShouldBe([
            "org.yaml:6:8: error: freezes[0].end: '2026-11-26T00:00:00Z' is not after start '2026-11-27T00:00:00Z'",
        ]);
    }

    [Fact]
    public void AFreeze_WithABadTime_NamesTheField()
    {
        Errors("freezes:\n- name: f\n  start: tomorrow\n  end: 2026-11-26T00:00:00Z\n").ShouldBe([
            "org.yaml:5:10: error: freezes[0].start: 'tomorrow' is not an RFC 3339 time; expected a UTC time such as 2026-11-23T13:00:00Z",
        ]);
    }

    [Fact]
    public void AFreeze_WithoutAnyWindow_OrWithBothForms_IsAnError()
    {
        Errors("freezes:\n- name: f\n").ShouldBe([
            "org.yaml:4:3: error: freezes[0]: a freeze needs start and end (RFC 3339 times) or, for a recurring freeze, schedule and duration",
        ]);
        Errors("freezes:\n- name: f\n  start: 2026-11-27T00:00:00Z\n  duration: 1h\n").ShouldBe([
            "org.yaml:4:3: error: freezes[0]: a freeze has either start and end or schedule and duration, not both",
        ]);
    }

    [Fact]
    public void AFreeze_MissingItsEnd_IsAnError()
    {
        Errors("freezes:\n- name: f\n  start: 2026-11-27T00:00:00Z\n").ShouldBe([
            "org.yaml:4:3: error: missing required key 'end' in freezes[0]",
        ]);
    }

    [Theory]
    [InlineData("0m")]
    [InlineData("90")]
    [InlineData("1h30")]
    [InlineData("h")]
    [InlineData("1w")]
    public void ARecurringFreeze_WithABadDuration_IsAnError(string duration)
    {
        Errors($"freezes:\n- name: f\n  schedule: 0 0 * * *\n  duration: {duration}\n").ShouldBe([
            $"org.yaml:6:13: error: freezes[0].duration: {(duration == "90" ? "90" : $"'{duration}'")} is not a valid duration; expected days, hours and minutes such as 90m, 6h, 2d or 1d12h",
        ]);
    }

    [Fact]
    public void ARecurringFreeze_WithABadSchedule_IsAnError()
    {
        Errors("freezes:\n- name: f\n  schedule: every day\n  duration: 1h\n").ShouldHaveSingleItem().ShouldStartWith("org.yaml:5:13: error: freezes[0].schedule: 'every day' is not a valid cron expression");
    }

    [Fact]
    public void DuplicateFreezeNames_AreAnError()
    {
        Errors("freezes:\n- {name: f, schedule: 0 0 * * *, duration: 1h}\n- {name: f, schedule: 0 1 * * *, duration: 1h}\n").ShouldBe([
            "org.yaml:5:10: error: freezes[1].name: duplicate freeze name 'f'; it is already defined on line 4",
        ]);
    }

    [Fact]
    public void AnUnknownFreezeKey_IsAnError()
    {
        Errors("freezes:\n- {name: f, schedule: 0 0 * * *, duration: 1h, tz: UTC}\n").ShouldBe([
            "org.yaml:4:48: error: unknown key 'tz' in freezes[0]; allowed keys are name, start, end, schedule, duration",
        ]);
    }

    [Theory]
    [InlineData("0", "org.yaml:4:19: error: haltOnFailure.failedUpgrades: failedUpgrades must be an integer >= 1, found 0")]
    [InlineData("two", "org.yaml:4:19: error: haltOnFailure.failedUpgrades: expected an integer >= 1, found 'two'")]
    public void FailedUpgrades_MustBeAPositiveInteger(string value, string error)
    {
        Errors($"haltOnFailure:\n  failedUpgrades: {value}\n").ShouldBe([error]);
    }

    [Fact]
    public void HaltOnFailure_WithoutACount_IsAnError()
    {
        Errors("haltOnFailure: {}\n").ShouldBe(["org.yaml:3:16: error: missing required key 'failedUpgrades' in haltOnFailure"]);
    }

    [Fact]
    public void RequireApproval_MustBeABoolean()
    {
        Errors("sectors:\n- name: s\n  requireApproval: yes\n").ShouldBe([
            "org.yaml:5:20: error: sectors[0].requireApproval: expected true or false, found 'yes'",
        ]);
    }
}
