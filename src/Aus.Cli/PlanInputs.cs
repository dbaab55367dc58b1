using System.Collections.Immutable;
using System.CommandLine;
using Aus.Application.Inputs;
using Aus.Application.Ports;
using Aus.Cli.Service;
using Aus.Domain.Controls;
using Aus.Domain.Fleet;
using Aus.Domain.History;
using Aus.Domain.Planning;
using Aus.Ocm;
using Aus.Ocm.Ports;
using Aus.Policies.Files;
using Aus.Policies.Fleet;
using Aus.Policies.History;
using Aus.Policies.Organizations;
using Aus.Storage;

namespace Aus.Cli;

/// <summary>
/// What `aus plan`, `explain` and `report` plan from, gathered from the command line and built by
/// the one <see cref="PassInputs"/> builder: the organization files, the fleet (a snapshot file, or
/// OCM as `aus run` reaches it), the histories (--history files, else the store named by --state
/// or AUS_STATE, read only), the rollout controls of that store, and the time.
/// </summary>
internal sealed record PlanInputs(PassInputs Inputs, IReadOnlyDictionary<HistoryOwner, string> HistoryOut)
{
    public PlanRequest Request => Inputs.Request;

    /// <summary>The fleet file's releases (the upgrade graph OCM offers from), read with its snapshot; empty without a fleet file.</summary>
    public ImmutableArray<FleetRelease> FleetReleases { get; init; } = [];

    /// <summary>Loads every input, printing problems as found; null (with the exit code) when something cannot be read or used.</summary>
    public static async Task<(PlanInputs? Inputs, int ExitCode)> LoadAsync(
        ParseResult parse, PlanInputOptions options, TimeProvider time, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var now = InputFiles.ParseNow(parse.GetValue(options.Now), time, stderr);
        if (now is null)
        {
            return (null, ExitCodes.Usage);
        }

        var fleetPath = parse.GetValue(options.Fleet);
        var ocmUrl = parse.GetValue(options.OcmUrl);
        if (fleetPath is not null && ocmUrl is not null)
        {
            await stderr.WriteLineAsync("aus: error: give --fleet FILE or --ocm-url URL, not both");
            return (null, ExitCodes.Usage);
        }

        OcmSettings? ocm = null;
        if (fleetPath is null)
        {
            ocm = await ServiceSettingsLoader.LoadOcmAsync(parse.GetValue(options.Settings), ocmUrl, parse.GetValue(options.TokenUrl), Environment.GetEnvironmentVariable, cancellationToken);
            if (!ocm.Named)
            {
                await stderr.WriteLineAsync("aus: error: give --fleet FILE, or reach OCM with --ocm-url URL, OCM_URL or a settings file (--settings FILE, AUS_SETTINGS)");
                return (null, ExitCodes.Usage);
            }

            foreach (var error in ocm.Errors)
            {
                await stderr.WriteLineAsync(error);
            }

            if (!ocm.Succeeded)
            {
                return (null, ExitCodes.Usage);
            }
        }

        var labels = parse.GetValue(options.Labels);
        var configPaths = parse.GetValue(options.Config) ?? [];
        if (!labels && configPaths.Length == 0)
        {
            await stderr.WriteLineAsync("aus: error: give the organization files with --config FILE|DIR, or read the policies from OCM labels with --labels");
            return (null, ExitCodes.Usage);
        }

        // A fleet snapshot is read while the organization files are, on another core: on a large fleet
        // both reads take about as long. Its problems are printed where they were, after the files' own.
        var fleetFile = fleetPath is not null && ocm is null && !labels
            ? Task.Run(() => FleetReader.ReadFileAsync(fleetPath, cancellationToken), cancellationToken)
            : null;

        List<OrganizationDocument> documents = [];
        if (configPaths.Length > 0)
        {
            var (loaded, loadExit) = await InputFiles.LoadOrganizationsAsync(configPaths, stderr, cancellationToken);
            if (loaded is null)
            {
                return (null, loadExit);
            }

            documents = loaded;
        }

        List<OrganizationConfig> organizations;
        FleetRead? labelledFleet = null;
        var fleetReleases = ImmutableArray<FleetRelease>.Empty;
        if (labels)
        {
            var (labelled, labelExit) = await LoadLabelledAsync(fleetPath, ocm, documents, time, stderr, cancellationToken);
            if (labelled is null)
            {
                return (null, labelExit);
            }

            (labelledFleet, organizations, fleetReleases) = labelled.Value;
        }
        else
        {
            organizations = documents.Select(InputFiles.ToConfig).ToList();
        }

        var orgIds = organizations.Select(o => o.OrgId).ToList();
        var (files, historyExit) = await InputFiles.ReadHistoriesAsync(parse.GetValue(options.History) ?? [], orgIds, "--history", now, stderr, cancellationToken);
        var historyOut = await InputFiles.MapPerOrganizationAsync(parse.GetValue(options.HistoryOut) ?? [], orgIds, "--history-out", stderr);
        if (files is null || historyOut is null)
        {
            return (null, files is null ? historyExit : ExitCodes.Usage);
        }

        var (histories, controls, storeExit) = await ReadStoreAsync(parse, options.State, organizations, files, stderr, cancellationToken);
        if (histories is null)
        {
            return (null, storeExit);
        }

        FleetRead fleet;
        if (labelledFleet is not null)
        {
            fleet = labelledFleet;
        }
        else if (ocm is null)
        {
            var (document, fleetExit) = await ReadFleetFileAsync(fleetFile!, stderr);
            if (document is null)
            {
                return (null, fleetExit);
            }

            fleet = new FleetRead(document.Snapshot!);
            fleetReleases = document.Releases;
        }
        else
        {
            if (!await CheckEnvironmentsAsync(ocm, organizations.Select(o => o.Policy), stderr))
            {
                return (null, ExitCodes.Usage);
            }

            try
            {
                fleet = await ReadOcmAsync(ocm, organizations, time, cancellationToken);
            }
            catch (Exception e) when (e is OcmApiException or HttpRequestException)
            {
                await stderr.WriteLineAsync($"aus: error: reading the fleet from OCM failed: {e.Message}");
                return (null, ExitCodes.Invalid);
            }

            foreach (var warning in fleet.Warnings)
            {
                await stderr.WriteLineAsync($"aus: warning: OCM: {warning}");
            }
        }

        var inputs = PassInputs.Build(organizations, fleet, histories, now.Value, controls);
        foreach (var warning in StoredPassInputs.MissingHistoryWarnings(inputs, liveFleet: ocm is not null))
        {
            await stderr.WriteLineAsync($"aus: warning: {warning}");
        }

        return (new PlanInputs(inputs, historyOut) { FleetReleases = fleetReleases }, ExitCodes.Success);
    }

    /// <summary>
    /// The labels flavour: the fleet (the --fleet snapshot, or OCM's labelled clusters) and the
    /// organizations its labels configure; the --config files supply only names and environments.
    /// Every label problem is printed, and goes on as the organization's error or warning.
    /// </summary>
    private static async Task<((FleetRead Fleet, List<OrganizationConfig> Organizations, ImmutableArray<FleetRelease> FleetReleases)? Labelled, int ExitCode)> LoadLabelledAsync(
        string? fleetPath, OcmSettings? ocm, List<OrganizationDocument> files, TimeProvider time, TextWriter stderr, CancellationToken cancellationToken)
    {
        var policies = files.Select(d => d.Policy!).ToList();
        FleetRead fleet;
        ImmutableArray<OrganizationDocument> documents;
        var fleetReleases = ImmutableArray<FleetRelease>.Empty;
        if (ocm is null)
        {
            var (fleetDocument, fleetExit) = await ReadFleetFileAsync(FleetReader.ReadFileAsync(fleetPath!, cancellationToken), stderr);
            if (fleetDocument is null)
            {
                return (null, fleetExit);
            }

            fleet = new FleetRead(fleetDocument.Snapshot!);
            fleetReleases = fleetDocument.Releases;
            documents = LabelInputs.Read(fleetDocument.Snapshot!, policies);
        }
        else
        {
            if (!await CheckEnvironmentsAsync(ocm, policies, stderr))
            {
                return (null, ExitCodes.Usage);
            }

            try
            {
                (fleet, documents) = await LabelInputs.ReadOcmAsync(ocm, policies, time, cancellationToken);
            }
            catch (Exception e) when (e is OcmApiException or HttpRequestException)
            {
                await stderr.WriteLineAsync($"aus: error: reading the labelled fleet from OCM failed: {e.Message}");
                return (null, ExitCodes.Invalid);
            }

            foreach (var warning in fleet.Warnings)
            {
                await stderr.WriteLineAsync($"aus: warning: OCM: {warning}");
            }
        }

        foreach (var document in documents)
        {
            await InputFiles.PrintAsync(stderr, document.Diagnostics);
        }

        if (documents.IsEmpty)
        {
            await stderr.WriteLineAsync("aus: warning: no cluster carries an sre-capabilities.aus.* label: there is nothing to plan");
        }

        return ((fleet, documents.Select(InputFiles.ToConfig).ToList(), fleetReleases), ExitCodes.Success);
    }

    /// <summary>A fleet file (its snapshot and releases), its problems printed; null (with the exit code) when it cannot be used.</summary>
    private static async Task<(FleetDocument? Document, int ExitCode)> ReadFleetFileAsync(Task<FleetDocument> fleetFile, TextWriter stderr)
    {
        var document = await fleetFile;
        if (!await InputFiles.CheckFleetKindAsync(document, stderr))
        {
            return (null, ExitCodes.Usage);
        }

        await InputFiles.PrintAsync(stderr, document.Diagnostics, document.IsUnreadable);
        if (document.IsUnreadable || document.Snapshot is null || document.HasErrors)
        {
            return (null, ExitStatus.Of(document.IsUnreadable, invalid: true));
        }

        return (document, ExitCodes.Success);
    }

    /// <summary>Whether every organization's environment is one the settings define; prints those that are not.</summary>
    private static async Task<bool> CheckEnvironmentsAsync(OcmSettings ocm, IEnumerable<Domain.Policies.OrganizationPolicy> organizations, TextWriter stderr)
    {
        var errors = organizations
            .Where(o => ocm.For(o.Environment) is null)
            .Select(o => $"aus: error: organization {o.OrgId} is in environment '{o.Environment}', which the settings file does not define (environments: {string.Join(", ", ocm.Environments.Select(e => e.Name))})")
            .ToList();
        foreach (var error in errors)
        {
            await stderr.WriteLineAsync(error);
        }

        return errors.Count == 0;
    }

    /// <summary>Writes each organization's checked-in history where --history-out asked, atomically.</summary>
    public async Task WriteHistoriesAsync(FleetPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var organization in plan.Organizations)
        {
            if (HistoryOut.TryGetValue(new HistoryOwner(organization.OrgId), out var path))
            {
                var history = organization.History ?? Inputs.HistoryOf(organization.OrgId);
                await AtomicFile.WriteAllTextAsync(path, VersionHistoryJson.Write(history) + "\n", cancellationToken);
            }

            foreach (var (addonId, addonHistory) in organization.AddonHistories)
            {
                if (HistoryOut.TryGetValue(new HistoryOwner(organization.OrgId, addonId), out var addonPath))
                {
                    await AtomicFile.WriteAllTextAsync(addonPath, VersionHistoryJson.Write(addonHistory) + "\n", cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// The histories of the files, with what <see cref="StoredPassInputs"/> adds from the store named
    /// by --state or AUS_STATE, and every organization's rollout controls from that store. Only a
    /// store named explicitly is read, and a SQLite file that does not exist is not created.
    /// </summary>
    private static async Task<(IReadOnlyDictionary<HistoryOwner, VersionHistory>? Histories, IReadOnlyDictionary<OrganizationId, RolloutControls>? Controls, int ExitCode)> ReadStoreAsync(
        ParseResult parse,
        System.CommandLine.Option<string?> stateOption,
        IReadOnlyList<OrganizationConfig> organizations,
        Dictionary<HistoryOwner, VersionHistory> files,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var named = !string.IsNullOrWhiteSpace(parse.GetValue(stateOption)) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(StateStoreOption.EnvironmentVariable));
        if (!named || organizations.Count == 0)
        {
            return (files, null, ExitCodes.Success);
        }

        if (!StateStoreOption.TryResolve(parse, stateOption, out var location, out var error))
        {
            await stderr.WriteLineAsync($"aus: error: {error}");
            return (null, null, ExitCodes.Usage);
        }

        if (location!.Dialect == StateDialect.Sqlite && !File.Exists(location.Target))
        {
            return (files, null, ExitCodes.Success);
        }

        try
        {
            await using var store = await GuardedStateStore.OpenAsync(location, cancellationToken: cancellationToken);
            var stored = await new StoredPassInputs(new StorePassStore(store, owner: "aus"), new StoreControlStore(store))
                .ReadAsync(organizations, files, cancellationToken);
            return (stored.Histories, stored.Controls, ExitCodes.Success);
        }
        catch (StateStoreException e)
        {
            await stderr.WriteLineAsync($"aus: error: {e.Message}");
            return (null, null, ExitCodes.Invalid);
        }
    }

    /// <summary>Reads each environment's organizations through its own client; one fleet read for the planner.</summary>
    private static async Task<FleetRead> ReadOcmAsync(OcmSettings ocm, IReadOnlyList<OrganizationConfig> organizations, TimeProvider time, CancellationToken cancellationToken)
    {
        var reads = new List<FleetRead>();
        foreach (var group in organizations.GroupBy(o => ocm.For(o.Policy.Environment)!))
        {
            using var client = OcmClient.Create(group.Key.Options, time);
            var addonOrgIds = group.Where(o => o.Policy.AddonManagedUpgrades).Select(o => o.OrgId).ToHashSet();
            reads.Add(await new OcmFleetSource(client).ReadFleetAsync([.. group.Select(o => o.OrgId)], addonOrgIds, cancellationToken));
        }

        return FleetRead.Combine(reads);
    }
}
