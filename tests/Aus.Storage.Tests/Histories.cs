using System.Collections.Immutable;
using Aus.Domain.History;
using Aus.Domain.Policies;
using Aus.Domain.Versions;

namespace Aus.Storage.Tests;

/// <summary>Histories to store, and a structural comparison (the history's dictionaries compare by reference).</summary>
internal static class Histories
{
    public static VersionHistory Sample(DateTimeOffset checkIn, double soakDays = 2.5) => new()
    {
        CheckIn = checkIn,
        Versions = ImmutableSortedDictionary.CreateRange(
            StringComparer.Ordinal,
            [
                KeyValuePair.Create("4.15.11", Workloads(("my-service", soakDays, ["stage-1", "prod-1"]))),
                KeyValuePair.Create("4.16.2", Workloads(("my-service", 0.125, ["stage-2"]), ("other", 7.0, []))),
            ]),
        Stats = new VersionStats(
            OpenShiftVersion.Parse("4.15.11"),
            ImmutableSortedDictionary.CreateRange([
                KeyValuePair.Create(new Workload("my-service"), OpenShiftVersion.Parse("4.15.11")),
                KeyValuePair.Create(new Workload("other"), OpenShiftVersion.Parse("4.16.2")),
            ])),
    };

    public static void ShouldBeEquivalentTo(this VersionHistory actual, VersionHistory expected)
    {
        actual.CheckIn.ShouldBe(expected.CheckIn);
        actual.Versions.Keys.ShouldBe(expected.Versions.Keys);
        foreach (var (version, workloads) in expected.Versions)
        {
            var actualWorkloads = actual.Versions[version];
            actualWorkloads.Keys.ShouldBe(workloads.Keys, $"workloads of {version}");
            foreach (var (workload, soak) in workloads)
            {
                actualWorkloads[workload].SoakDays.ShouldBe(soak.SoakDays, $"soak days of {version}/{workload}");
                actualWorkloads[workload].Reporting.ShouldBe(soak.Reporting, $"reporting of {version}/{workload}");
            }
        }

        if (expected.Stats is null)
        {
            actual.Stats.ShouldBeNull();
        }
        else
        {
            actual.Stats.ShouldNotBeNull();
            actual.Stats.MinVersion.ShouldBe(expected.Stats.MinVersion);
            actual.Stats.MinVersionPerWorkload.ToList().ShouldBe(expected.Stats.MinVersionPerWorkload.ToList());
        }
    }

    private static ImmutableSortedDictionary<Workload, WorkloadSoak> Workloads(params (string Name, double Days, string[] Reporting)[] workloads) =>
        ImmutableSortedDictionary.CreateRange(
            workloads.Select(w => KeyValuePair.Create(new Workload(w.Name), new WorkloadSoak(w.Days, [.. w.Reporting]))));
}
