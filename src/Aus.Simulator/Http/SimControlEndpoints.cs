using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Aus.Simulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aus.Simulator.Http;

/// <summary>The simulator's own controls under <c>/_sim</c>: clock, releases, faults, upgrade failures, stats, fleet dump. JSON here is camelCase.</summary>
internal static class SimControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimWorld world, FaultInjector faults, SimulatorStats stats)
    {
        app.MapGet("/_sim/clock", () =>
        {
            lock (world.Sync)
            {
                return Ok(ClockBody(world, []));
            }
        });
        app.MapPut("/_sim/clock", (Func<HttpContext, Task<IResult>>)(ctx => SetClockAsync(ctx, world)));
        app.MapPost("/_sim/clock", (Func<HttpContext, Task<IResult>>)(ctx => SetClockAsync(ctx, world)));
        app.MapPost("/_sim/clock/advance", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            if (body is null)
            {
                return Problem(error!);
            }

            TimeSpan by;
            if (body["seconds"] is JsonValue seconds && seconds.TryGetValue<double>(out var s))
            {
                by = TimeSpan.FromSeconds(s);
            }
            else if (RequestBody.String(body, "duration") is { } iso)
            {
                try
                {
                    by = XmlConvert.ToTimeSpan(iso);
                }
                catch (FormatException)
                {
                    return Problem($"duration '{iso}' is not an ISO 8601 duration (e.g. PT90M, P1DT2H)");
                }
            }
            else
            {
                return Problem("give {\"seconds\": N} or {\"duration\": \"PT1H\"}");
            }

            if (by < TimeSpan.Zero)
            {
                return Problem("the clock never goes backwards");
            }

            lock (world.Sync)
            {
                var events = world.AdvanceTo(world.Now + by);
                return Ok(ClockBody(world, events));
            }
        });

        app.MapGet("/_sim/releases", () =>
        {
            lock (world.Sync)
            {
                return Ok(new JsonObject { ["releases"] = new JsonArray([.. world.Releases.Select(r => (JsonNode)Release(r))]) });
            }
        });

        app.MapPost("/_sim/releases", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            if (body is null)
            {
                return Problem(error!);
            }

            var version = RequestBody.String(body, "version");
            if (version is null || !VersionOrder.IsVersion(version))
            {
                return Problem($"version '{version}' is not a version (e.g. 4.16.2)");
            }

            var channels = body["channels"] is JsonArray array ? array.Select(c => c?.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null).ToList() : [];
            if (channels.Count == 0 || channels.Exists(c => string.IsNullOrWhiteSpace(c)))
            {
                return Problem("channels must be a non-empty list of channel names (e.g. [\"stable-4.16\"])");
            }

            lock (world.Sync)
            {
                world.AddRelease(version, channels!);
                return Ok(Release(world.Releases.Find(r => r.Version == version)!), 201);
            }
        });

        app.MapPut("/_sim/upgrade-failures", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            if (body is null)
            {
                return Problem(error!);
            }

            var version = RequestBody.String(body, "version");
            if (version is null || !VersionOrder.IsVersion(version))
            {
                return Problem($"version '{version}' is not a version (e.g. 4.16.2)");
            }

            if (body["clusters"] is not JsonValue value || !value.TryGetValue<int>(out var clusters) || clusters < 0)
            {
                return Problem("clusters must be an integer >= 0: how many clusters fail their upgrade to the version");
            }

            lock (world.Sync)
            {
                world.FailUpgrades(version, clusters);
                return Ok(new JsonObject { ["version"] = version, ["clusters"] = world.FailuresToCome(version) });
            }
        });

        app.MapGet("/_sim/faults", () => Ok(FaultsBody(faults.Settings)));
        app.MapDelete("/_sim/faults", () =>
        {
            faults.Settings = FaultSettings.None;
            return Ok(FaultsBody(faults.Settings));
        });
        app.MapPut("/_sim/faults", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadAsync(ctx);
            if (body is null)
            {
                return Problem(error!);
            }

            var (settings, problems) = ParseFaults(body);
            if (settings is null)
            {
                return Problem(string.Join("; ", problems));
            }

            faults.Settings = settings;
            return Ok(FaultsBody(settings));
        });

        app.MapGet("/_sim/stats", () => Ok(StatsBody(stats)));
        app.MapDelete("/_sim/stats", () =>
        {
            stats.Reset();
            return Results.NoContent();
        });

        app.MapGet("/_sim/fleet", () =>
        {
            lock (world.Sync)
            {
                return Ok(FleetBody(world));
            }
        });
    }

    public static JsonObject StatsBody(SimulatorStats stats)
    {
        var endpoints = new JsonObject();
        foreach (var (endpoint, statuses) in stats.Snapshot())
        {
            var byStatus = new JsonObject();
            foreach (var (status, count) in statuses)
            {
                byStatus[status] = count;
            }

            endpoints[endpoint] = new JsonObject { ["total"] = statuses.Values.Sum(), ["byStatus"] = byStatus };
        }

        return new JsonObject { ["total"] = stats.Total, ["endpoints"] = endpoints };
    }

    public static (FaultSettings? Settings, List<string> Problems) ParseFaults(JsonObject body)
    {
        var problems = new List<string>();
        var known = new[] { "latencyMs", "errorRates", "rate429", "retryAfterSeconds", "dropRate", "pathPrefix" };
        problems.AddRange(body.Select(p => p.Key).Where(k => !known.Contains(k)).Select(k => $"unknown field '{k}' (known: {string.Join(", ", known)})"));

        double Number(string name, double fallback)
        {
            var node = body[name];
            if (node is null)
            {
                return fallback;
            }

            if (node is JsonValue v && v.TryGetValue<double>(out var d))
            {
                return d;
            }

            problems.Add($"{name} must be a number");
            return fallback;
        }

        var rates = ImmutableSortedDictionary.CreateBuilder<int, double>();
        if (body["errorRates"] is JsonObject errorRates)
        {
            foreach (var (code, rate) in errorRates)
            {
                if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                {
                    problems.Add($"errorRates key '{code}' is not an HTTP status");
                }
                else if (rate is JsonValue v && v.TryGetValue<double>(out var r))
                {
                    rates[status] = r;
                }
                else
                {
                    problems.Add($"errorRates.{code} must be a number");
                }
            }
        }
        else if (body["errorRates"] is not null)
        {
            problems.Add("errorRates must be an object of status code to rate, e.g. {\"503\": 0.2}");
        }

        var settings = new FaultSettings
        {
            LatencyMs = (int)Number("latencyMs", 0),
            ErrorRates = rates.ToImmutable(),
            Rate429 = Number("rate429", 0),
            RetryAfterSeconds = (int)Number("retryAfterSeconds", 1),
            DropRate = Number("dropRate", 0),
            PathPrefix = RequestBody.String(body, "pathPrefix") ?? "/api/",
        };
        problems.AddRange(settings.Validate());
        return problems.Count == 0 ? (settings, problems) : (null, problems);
    }

    public static JsonObject FaultsBody(FaultSettings f)
    {
        var rates = new JsonObject();
        foreach (var (code, rate) in f.ErrorRates)
        {
            rates[code.ToString(CultureInfo.InvariantCulture)] = rate;
        }

        return new JsonObject
        {
            ["latencyMs"] = f.LatencyMs,
            ["errorRates"] = rates,
            ["rate429"] = f.Rate429,
            ["retryAfterSeconds"] = f.RetryAfterSeconds,
            ["dropRate"] = f.DropRate,
            ["pathPrefix"] = f.PathPrefix,
        };
    }

    public static JsonObject FleetBody(SimWorld world) => WithAddons(world, FleetSnapshotBody(world));

    private static JsonObject FleetSnapshotBody(SimWorld world) => new()
    {
        ["now"] = OcmJson.Time(world.Now),
        ["releases"] = new JsonArray([.. world.Releases.Select(r => (JsonNode)Release(r))]),
        ["versionGates"] = new JsonArray([.. world.Gates.Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.Id,
            ["versionRawIdPrefix"] = g.VersionRawIdPrefix,
            ["label"] = g.Label,
            ["stsOnly"] = g.StsOnly,
        })]),
        ["organizations"] = new JsonArray([.. world.Organizations.Select(o => (JsonNode)new JsonObject
        {
            ["orgId"] = o.Id,
            ["name"] = o.Name,
            ["clusters"] = new JsonArray([.. world.Clusters.Where(c => c.OrganizationId == o.Id).Select(c => (JsonNode)Cluster(world, c))]),
        })]),
    };

    /// <summary>The snapshot with the add-on catalog, each cluster's add-ons and its add-on policies, when there are any.</summary>
    private static JsonObject WithAddons(SimWorld world, JsonObject snapshot)
    {
        if (world.AddonCatalog.Count == 0 && world.AddonPolicies.Count == 0 && !world.Clusters.Exists(c => c.Addons.Count > 0))
        {
            return snapshot;
        }

        snapshot["addonVersions"] = new JsonObject([.. world.AddonCatalog.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))]);
        foreach (var organization in snapshot["organizations"]!.AsArray())
        {
            foreach (var entry in organization!["clusters"]!.AsArray())
            {
                var cluster = world.FindCluster(entry!["id"]!.GetValue<string>())!;
                entry["addons"] = new JsonArray([.. cluster.Addons.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["version"] = a.Version, ["state"] = a.State })]);
                var policies = entry["upgradePolicies"]!.AsArray();
                foreach (var p in world.AddonPolicies.Where(p => p.ClusterId == cluster.Id))
                {
                    policies.Add(new JsonObject
                    {
                        ["id"] = p.Id,
                        ["kind"] = "addon",
                        ["addon"] = p.AddonId,
                        ["version"] = p.Version,
                        ["scheduleType"] = p.ScheduleType,
                        ["nextRun"] = OcmJson.Time(p.NextRun),
                        ["state"] = p.State,
                    });
                }
            }
        }

        return snapshot;
    }

    private static JsonObject Cluster(SimWorld world, SimCluster c) => new()
    {
        ["name"] = c.Name,
        ["id"] = c.Id,
        ["externalId"] = c.ExternalId,
        ["subscriptionId"] = c.SubscriptionId,
        ["product"] = c.Product,
        ["hypershift"] = c.Hypershift,
        ["state"] = c.State,
        ["channel"] = c.Channel,
        ["version"] = c.Version,
        ["availableUpgrades"] = Strings(c.AvailableUpgrades),
        ["availableChannels"] = Strings(c.AvailableChannels),
        ["nodePools"] = new JsonArray([.. c.NodePools.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["version"] = p.Version })]),
        ["upgradePolicies"] = new JsonArray([.. world.Policies.Where(p => p.ClusterId == c.Id).Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["kind"] = SimWorld.KindName(p.Kind),
            ["nodePool"] = p.NodePoolId,
            ["version"] = p.Version,
            ["scheduleType"] = p.ScheduleType,
            ["nextRun"] = OcmJson.Time(p.NextRun),
            ["state"] = p.State,
        })]),
        ["gateAgreements"] = Strings(c.GateAgreements.Select(a => a.GateId)),
        ["aws"] = new JsonObject { ["sts"] = new JsonObject { ["enabled"] = c.StsEnabled } },
    };

    private static async Task<IResult> SetClockAsync(HttpContext ctx, SimWorld world)
    {
        var (body, error) = await RequestBody.ReadAsync(ctx);
        if (body is null)
        {
            return Problem(error!);
        }

        var (now, timeError) = RequestBody.Time(body, "now");
        if (now is null)
        {
            return Problem(timeError ?? "give {\"now\": \"2026-11-23T12:00:00Z\"}");
        }

        lock (world.Sync)
        {
            if (now.Value < world.Now)
            {
                return Problem($"the clock never goes backwards: {OcmJson.Time(now.Value)} is before {OcmJson.Time(world.Now)}");
            }

            var events = world.AdvanceTo(now.Value);
            return Ok(ClockBody(world, events));
        }
    }

    private static JsonObject ClockBody(SimWorld world, IReadOnlyList<SimEvent> events) => new()
    {
        ["now"] = OcmJson.Time(world.Now),
        ["events"] = new JsonArray([.. events.Select(e => (JsonNode)EventWithAddon(e))]),
    };

    public static JsonObject Event(SimEvent e) => new()
    {
        ["at"] = OcmJson.Time(e.At),
        ["clusterId"] = e.ClusterId,
        ["cluster"] = e.ClusterName,
        ["policyId"] = e.PolicyId,
        ["kind"] = e.Kind,
        ["nodePool"] = e.NodePoolId,
        ["version"] = e.Version,
        ["state"] = e.State,
    };

    /// <summary>An event of an add-on upgrade names its add-on too.</summary>
    public static JsonObject EventWithAddon(SimEvent e)
    {
        var json = Event(e);
        if (e.AddonId is not null)
        {
            json["addon"] = e.AddonId;
        }

        return json;
    }

    private static JsonObject Release(SimRelease r) => new()
    {
        ["version"] = r.Version,
        ["channels"] = Strings(r.Channels),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static IResult Ok(JsonObject body, int status = 200) => OcmResults.Json(body, status);

    private static IResult Problem(string message) => OcmResults.Json(new JsonObject { ["error"] = message }, 400);
}
