using Aus.Domain.Policies;
using Aus.Policies.History;

namespace Aus.Policies.Tests.History;

public sealed class HistoryReaderTests
{
    private static string[] Read(string json) =>
        [.. HistoryReader.Read(json, "h.json").Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Example_IsValid()
    {
        var path = Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", "sectors-history.json");

        var document = HistoryReader.Read(File.ReadAllText(path), "sectors-history.json");

        document.Diagnostics.ShouldBeEmpty();
        document.History!.SoakDays("4.16.9", new Workload("my-service")).ShouldBe(8.5);
    }

    [Fact]
    public void Problem_IsPlacedAtTheValueItsPathNames()
    {
        var json = "{\"check_in\": \"2026-11-20T10:00:00+00:00\",\n \"versions\": {\"4.15.11\": {\"workloads\": {\"svc\": {\"soak_days\": \"x\", \"reporting\": []}}}}}";

        Read(json).ShouldBe([
            "h.json:2:62: error: $.versions[\"4.15.11\"].workloads[\"svc\"].soak_days: expected a number >= 0, found \"x\"",
        ]);
    }

    [Fact]
    public void UnknownKey_IsPlacedAtTheKey()
    {
        Read("{\"versions\": {},\n \"extra\": 1}").ShouldBe(["h.json:2:2: error: $.extra: unknown key; allowed are check_in, versions, stats"]);
    }

    [Fact]
    public void InvalidJson_IsReportedWithItsPosition()
    {
        Read("{\"versions\": {}\n,}").ShouldBe(["h.json:2:2: error: invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options"]);
    }

    [Fact]
    public void EmptyFile_IsAClearError()
    {
        Read("  ").ShouldBe(["h.json:1:1: error: the file is empty; expected a JSON object with check_in and versions"]);
    }
    [Fact]
    public void MisspeltSoakKey_IsAnError_NotASilentZero()
    {
        var json = "{\"versions\": {\"4.15.11\": {\"workloads\": {\"svc\":\n {\"soak_day\": 5, \"reporting\": []}}}}}";

        Read(json).ShouldBe([
            "h.json:2:3: error: $.versions[\"4.15.11\"].workloads[\"svc\"].soak_day: unknown key; allowed are soak_days, reporting",
        ]);
    }

    [Fact]
    public void UnknownKeyOfAVersion_IsAnError()
    {
        Read("{\"versions\": {\"4.15.11\": {\"workloads\": {}, \"soak\": 1}}}").ShouldBe([
            "h.json:1:44: error: $.versions[\"4.15.11\"].soak: unknown key; allowed are workloads",
        ]);
    }

    [Fact]
    public void EmptyObject_IsAnEmptyHistory()
    {
        var document = HistoryReader.Read("{}", "h.json");

        document.Diagnostics.ShouldBeEmpty();
        document.History!.CheckIn.ShouldBeNull();
    }

    [Fact]
    public void CheckInAfterNow_IsRefused_SoSoakCannotRunBackwards()
    {
        var json = "{\"check_in\": \"2026-11-21T10:00:00+00:00\", \"versions\": {}}";

        var document = HistoryReader.Read(json, "h.json", now: new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

        document.History.ShouldBeNull();
        document.Diagnostics.Select(d => d.ToString()).ShouldBe([
            "h.json:1:14: error: $.check_in: 2026-11-21T10:00:00Z lies after the time of this pass, 2026-11-20T10:00:00Z; a history from the future would make soak run backwards",
        ]);
    }

    [Fact]
    public void CheckInAtNow_IsAccepted()
    {
        var json = "{\"check_in\": \"2026-11-20T10:00:00+00:00\", \"versions\": {}}";

        HistoryReader.Read(json, "h.json", now: new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero)).Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void NegativeSoakDays_IsRefused()
    {
        Read("{\"versions\": {\"4.15.11\": {\"workloads\": {\"svc\": {\"soak_days\": -0.5}}}}}").ShouldBe([
            "h.json:1:62: error: $.versions[\"4.15.11\"].workloads[\"svc\"].soak_days: expected a number >= 0, found -0.5",
        ]);
    }
}
