using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Aus.Simulator.Search;
using Microsoft.AspNetCore.Http;

namespace Aus.Simulator.Http;

/// <summary>OCM-shaped responses: objects, pages of lists and error bodies.</summary>
internal static class OcmResults
{
    public const int DefaultPageSize = 100;

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Text(Prune(body).ToJsonString(), "application/json", Encoding.UTF8, status);

    /// <summary>
    /// OCM's error body. The <c>id</c> is a string, as the live API sends it (the OpenAPI model says integer);
    /// clients should accept both.
    /// </summary>
    public static IResult Error(HttpContext context, SimWorld world, int status, string reason)
    {
        var operationId = world.NextOperationId();
        context.Response.Headers["X-Operation-Id"] = operationId;
        var (api, prefix) = ApiOf(context.Request.Path);
        var body = new JsonObject
        {
            ["kind"] = "Error",
            ["id"] = status.ToString(CultureInfo.InvariantCulture),
            ["href"] = $"{api}/errors/{status}",
            ["code"] = $"{prefix}-{status}",
            ["reason"] = reason,
            ["operation_id"] = operationId,
        };
        return Json(body, status);
    }

    public static IResult NotFound(HttpContext context, SimWorld world, string what, string id) =>
        Error(context, world, 404, $"{what} '{id}' not found");

    /// <summary>
    /// A page of a list: applies <c>search</c>, <c>order</c>/<c>orderBy</c>, <c>page</c> (1-based) and
    /// <c>size</c>; the response <c>size</c> is the number of items returned, as OCM does. An endpoint
    /// that declares no order (<paramref name="ordered"/> false) ignores one, as it promises none.
    /// </summary>
    public static IResult List<T>(
        HttpContext context,
        SimWorld world,
        string kind,
        IEnumerable<T> items,
        Func<T, JsonNode> map,
        IReadOnlyDictionary<string, Func<T, string?>> fields,
        bool ordered = true)
    {
        var query = context.Request.Query;
        var page = 1;
        var size = DefaultPageSize;
        if (query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return Error(context, world, 400, $"Value '{pageText}' of parameter 'page' is not a positive integer");
        }

        if (query.TryGetValue("size", out var sizeText) && (!int.TryParse(sizeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out size) || size < 0))
        {
            return Error(context, world, 400, $"Value '{sizeText}' of parameter 'size' is not a non-negative integer");
        }

        var search = SearchParser.Parse(query["search"]);
        if (!search.Succeeded)
        {
            return Error(context, world, 400, $"Can't parse search query '{query["search"]}': {search.Error}");
        }

        var unknown = SearchEvaluator.UnknownField(search.Conditions, fields);
        if (unknown is not null)
        {
            return Error(context, world, 400, $"Can't parse search query '{query["search"]}': field '{unknown}' is not searchable here (searchable: {string.Join(", ", fields.Keys.Order(StringComparer.Ordinal))})");
        }

        var matching = items.Where(i => SearchEvaluator.Matches(i, search.Conditions, fields)).ToList();
        var order = query.TryGetValue("order", out var o) ? o.ToString() : query["orderBy"].ToString();
        if (ordered && !string.IsNullOrWhiteSpace(order))
        {
            var (sorted, orderError) = Sort(matching, order, fields);
            if (sorted is null)
            {
                return Error(context, world, 400, $"Can't parse order '{order}': {orderError}");
            }

            matching = sorted;
        }

        var pageItems = matching.Skip((page - 1) * size).Take(size).ToList();
        var body = new JsonObject
        {
            ["kind"] = $"{kind}List",
            ["page"] = page,
            ["size"] = pageItems.Count,
            ["total"] = matching.Count,
            ["items"] = new JsonArray([.. pageItems.Select(map)]),
        };
        return Json(body);
    }

    private static (List<T>? Sorted, string? Error) Sort<T>(List<T> items, string order, IReadOnlyDictionary<string, Func<T, string?>> fields)
    {
        IOrderedEnumerable<T>? sorted = null;
        foreach (var term in order.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 2 || !fields.TryGetValue(parts[0], out var field)
                || (parts.Length == 2 && parts[1].ToUpperInvariant() is not ("ASC" or "DESC")))
            {
                return (null, $"'{term}' is not 'FIELD [asc|desc]' with a known field");
            }

            var descending = parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            var comparer = Comparer<string?>.Create((a, b) => a is null || b is null ? Comparer<string?>.Default.Compare(a, b) : SearchEvaluator.Compare(a, b));
            sorted = (sorted, descending) switch
            {
                (null, false) => items.OrderBy(field, comparer),
                (null, true) => items.OrderByDescending(field, comparer),
                (_, false) => sorted.ThenBy(field, comparer),
                (_, true) => sorted.ThenByDescending(field, comparer),
            };
        }

        return (sorted?.ToList() ?? items, null);
    }

    private static (string Api, string CodePrefix) ApiOf(PathString path) => path.Value switch
    {
        { } p when p.StartsWith(OcmJson.AccountsApi, StringComparison.Ordinal) => (OcmJson.AccountsApi, "ACCT-MGMT"),
        { } p when p.StartsWith(OcmJson.ServiceLogsApi, StringComparison.Ordinal) => (OcmJson.ServiceLogsApi, "OCM-SERVICE-LOGS"),
        _ => (OcmJson.ClustersApi, "CLUSTERS-MGMT"),
    };

    // OCM leaves absent attributes out rather than sending null.
    private static JsonNode Prune(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                obj.Remove(key);
            }

            foreach (var (_, value) in obj)
            {
                Prune(value!);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.Where(i => i is not null))
            {
                Prune(item!);
            }
        }

        return node;
    }
}
