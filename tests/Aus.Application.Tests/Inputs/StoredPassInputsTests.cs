using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Application.Tests.Fakes;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using static Aus.TestKit.Build;

namespace Aus.Application.Tests.Inputs;

/// <summary>The read-only commands take histories and controls from a store where no history file gave them.</summary>
public sealed class StoredPassInputsTests
{
    private static readonly DateTimeOffset Now = At("2026-11-23T12:00:00Z");

    private static readonly OrganizationConfig OrgA = new(Organization("org-a", [Policy("a1")]));
    private static readonly OrganizationConfig OrgB = new(Organization("org-b", [Policy("b1")]));
    private static readonly OrganizationConfig AddonOrg = new(Organization("org-x", [Policy("x1")]) with { AddonManagedUpgrades = true });

    private readonly InMemoryPassStore _store = new();
    private readonly InMemoryControlStore _controls = new();

    private static readonly VersionHistory Stored = History(Now, ("4.16.1", "wl", 3, ["a1"]));
    private static readonly VersionHistory FromFile = History(Now, ("4.16.2", "wl", 1, ["a1"]));

    private Task<StoredInputs> ReadAsync(IReadOnlyList<OrganizationConfig> organizations, Dictionary<string, VersionHistory>? files = null) =>
        new StoredPassInputs(_store, _controls).ReadAsync(organizations, files ?? [], CancellationToken.None);

    [Fact]
    public async Task AnOrganizationWithoutAHistoryFile_TakesTheStoredOne()
    {
        _store.Histories[OrgA.Key] = Stored;

        var read = await ReadAsync([OrgA, OrgB]);

        read.Histories.ShouldBe(new Dictionary<string, VersionHistory> { ["org-a"] = Stored });
    }

    [Fact]
    public async Task AHistoryFile_WinsOverTheStore()
    {
        _store.Histories[OrgA.Key] = Stored;

        var read = await ReadAsync([OrgA], new() { ["org-a"] = FromFile });

        read.Histories["org-a"].ShouldBeSameAs(FromFile);
    }

    [Fact]
    public async Task AnEmptyStoredHistory_CountsAsNone()
    {
        _store.Histories[OrgA.Key] = new VersionHistory();

        var read = await ReadAsync([OrgA]);

        read.Histories.ShouldBeEmpty();
        PassInputs.Build([OrgA], new FleetRead(FleetSnapshot.Empty), read.Histories, Now).WithoutHistory.ShouldBe([new OrganizationId("org-a")]);
    }

    [Fact]
    public async Task TheStoredAddonHistories_AreRead_ForAnOrganizationWithAddonManagedUpgrades_AndAnAddonFileWins()
    {
        _store.AddonHistories[(AddonOrg.Key, "addon-1")] = Stored;
        _store.AddonHistories[(AddonOrg.Key, "addon-2")] = Stored;
        _store.AddonHistories[(OrgA.Key, "addon-1")] = Stored;

        var read = await ReadAsync([AddonOrg, OrgA], new() { ["org-x/addon-2"] = FromFile });

        read.Histories["org-x/addon-1"].ShouldBeSameAs(Stored);
        read.Histories["org-x/addon-2"].ShouldBeSameAs(FromFile);
        read.Histories.ContainsKey("org-a/addon-1").ShouldBeFalse();
    }

    [Fact]
    public async Task TheControls_AreReadPerOrganization_EvenWhenAHistoryFileGaveItsHistory()
    {
        var paused = new RolloutControls { HaltedVersions = ["4.16.1"] };
        _controls.Controls["org-a"] = paused;

        var read = await ReadAsync([OrgA, OrgB], new() { ["org-a"] = FromFile });

        read.Controls[new OrganizationId("org-a")].HaltedVersions.ShouldBe(["4.16.1"]);
        read.Controls[new OrganizationId("org-b")].IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task AStoreFailure_SurfacesAsTheStoreException()
    {
        _store.UnreadableHistories.Add("org-a");

        await Should.ThrowAsync<StateStoreException>(() => ReadAsync([OrgA]));
    }

    [Fact]
    public void TheNoHistoryWarning_NamesEachOrganizationWithoutHistory_OnlyWhenTheFleetIsLive()
    {
        var inputs = PassInputs.Build([OrgA, OrgB], new FleetRead(FleetSnapshot.Empty), new Dictionary<string, VersionHistory> { ["org-a"] = Stored }, Now);

        StoredPassInputs.MissingHistoryWarnings(inputs, liveFleet: true).ShouldHaveSingleItem().ShouldStartWith("organization org-b: no soak history found");
        StoredPassInputs.MissingHistoryWarnings(inputs, liveFleet: false).ShouldBeEmpty();
    }
}
