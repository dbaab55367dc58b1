using Aus.Application.Ports;
using Aus.Domain.Fleet;
using Aus.Domain.History;

namespace Aus.Storage.Tests;

/// <summary>Both pass stores keep add-on histories apart from the organization's, under ORGID/ADDON_ID.</summary>
public sealed class AddonPassStoreTests : IDisposable
{
    private static readonly OrganizationKey Key = new(new EnvironmentName("production"), new OrganizationId("org-a"));
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aus-addonstore-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task TheStatePassStore_KeepsEachAddonHistoryUnderItsOwnKey()
    {
        await using var store = await StateStore.OpenAsync(Path.Combine(_directory.FullName, "state.db"));
        var passStore = new StorePassStore(store, "test");

        await passStore.CommitAddonHistoriesAsync(Key, new Dictionary<string, VersionHistory> { ["addon-x"] = Histories.Sample(Now) }, null, CancellationToken.None);
        var read = await passStore.GetAddonHistoriesAsync(Key, ["addon-x", "addon-y"], CancellationToken.None);

        read.Keys.ShouldBe(["addon-x"], "an add-on without a stored history is absent");
        read["addon-x"].ShouldBeEquivalentTo(Histories.Sample(Now));
        (await store.GetHistoryAsync(new HistoryKey("production", "org-a", "addon-x"))).ShouldBeEquivalentTo(Histories.Sample(Now));
        (await store.GetHistoryAsync(new HistoryKey("production", "org-a"))).ShouldBeSameAs(VersionHistory.Empty, "the organization's own history is untouched");
    }

    [Fact]
    public async Task TheHistoryFilePassStore_ReadsAndWritesTheAddonFiles()
    {
        var output = Path.Combine(_directory.FullName, "addon-x.json");
        var passStore = new HistoryFilePassStore(
            new Dictionary<string, VersionHistory> { ["org-a"] = VersionHistory.Empty, ["org-a/addon-x"] = Histories.Sample(Now) },
            new Dictionary<string, string> { ["org-a/addon-x"] = output });

        var read = await passStore.GetAddonHistoriesAsync(Key, ["addon-x"], CancellationToken.None);
        await passStore.CommitAddonHistoriesAsync(Key, new Dictionary<string, VersionHistory> { ["addon-x"] = Histories.Sample(Now.AddHours(1)), ["addon-y"] = Histories.Sample(Now) }, null, CancellationToken.None);

        read["addon-x"].ShouldBeEquivalentTo(Histories.Sample(Now));
        (await File.ReadAllTextAsync(output)).ShouldContain("2026-11-23T13:00:00");
        Directory.GetFiles(_directory.FullName).ShouldBe([output], "an add-on without a file is not kept");
    }

    [Fact]
    public async Task BothPassStores_ListEveryAddonHistoryOfTheOrganization_AndNoOtherOrganizations()
    {
        await using var store = await StateStore.OpenAsync(Path.Combine(_directory.FullName, "state.db"));
        var statePassStore = new StorePassStore(store, "test");
        await statePassStore.CommitAddonHistoriesAsync(Key, new Dictionary<string, VersionHistory> { ["addon-x"] = Histories.Sample(Now) }, null, CancellationToken.None);
        await statePassStore.CommitAddonHistoriesAsync(Key with { OrganizationId = new OrganizationId("org-b") }, new Dictionary<string, VersionHistory> { ["addon-y"] = Histories.Sample(Now) }, null, CancellationToken.None);
        await store.CommitPassAsync(new HistoryKey("production", "org-a"), Histories.Sample(Now), []);
        var filePassStore = new HistoryFilePassStore(
            new Dictionary<string, VersionHistory> { ["org-a"] = VersionHistory.Empty, ["org-a/addon-x"] = Histories.Sample(Now), ["org-b/addon-y"] = Histories.Sample(Now) },
            new Dictionary<string, string>());

        (await statePassStore.ListAddonHistoriesAsync(Key, CancellationToken.None)).Keys.ShouldBe(["addon-x"]);
        (await filePassStore.ListAddonHistoriesAsync(Key, CancellationToken.None)).Keys.ShouldBe(["addon-x"]);
    }
}
