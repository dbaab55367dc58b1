using System.Globalization;
using System.Text;
using Aus.Policies.Diagnostics;
using Aus.Policies.Files;
using Aus.Policies.Fleet;
using Aus.Policies.History;
using Aus.Policies.Organizations;
using Aus.Policies.Settings;
using Aus.Policies.Tests.Yaml;
using CsCheck;

namespace Aus.Policies.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the readers: the repository's examples, mutated the ways a hand, a
/// tool or an attacker breaks files, always end in a result or in diagnostics that each name a
/// place (LINE:COL, or the file as a whole), one clean line each, and never in an exception.
/// The budget is a count of inputs, not a time: AUS_FUZZ_ITERATIONS (default 100 per example)
/// runs a longer campaign, e.g. AUS_FUZZ_ITERATIONS=100000.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("AUS_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;

    private static readonly string[] Replacements =
    [
        "[]", "{}", "-1", "-0.5", "0", "1e309", "-1e309", "99999999999999999999999", "NaN", ".inf", "null", "~", "true", "\"\"", "''",
        "ünïcödé ✓ 😀 \u202e", "\"a\\nb.yaml:1:1: error: forged\\u2028\\e[2J\"", "&a [x, y]", "*a", "*missing", "!!str 5", "!!binary AAAA",
        "[" + new string('[', 200) + new string(']', 200) + "]", new string('x', 20_000), "\"" + new string('\\', 10) + "\"", "\0", "\t", "- item",
        "{a: 1, a: 2}", "|\n  block\n  text", ">-\n  folded", "'unterminated", "[unclosed", "{unclosed: 1", "? complex\n: key", "--- \n---",
        "2026-11-20T10:00:00+00:00", "2999-01-01T00:00:00+00:00", "0 13 * * 1-5", "4.16.2", "4.16", "*/0 * * * *", "(unclosed regex",
    ];

    private static readonly string AliasBomb = string.Join(
        "\n",
        Enumerable.Range(0, 9).Select(level => level == 0 ? "b0: &b0 [x, x, x, x, x, x, x, x, x]" : $"b{level}: &b{level} [{string.Join(", ", Enumerable.Repeat($"*b{level - 1}", 9))}]"));

    private static readonly Gen<Func<string, string>> Mutation = Gen.OneOf(
        Gen.Int.Select(i => (Func<string, string>)(t => EditLine(t, i, (lines, at) => lines.RemoveAt(at)))),
        Gen.Int.Select(i => (Func<string, string>)(t => EditLine(t, i, (lines, at) => lines.Insert(at, lines[at])))),
        Gen.Int.Select(Gen.Int[0, Replacements.Length - 1]).Select(p => (Func<string, string>)(t => EditLine(t, p.Item1, (lines, at) => lines[at] = ReplaceValue(lines[at], Replacements[p.Item2])))),
        Gen.Int.Select(Gen.Int[0, Replacements.Length - 1]).Select(p => (Func<string, string>)(t => EditLine(t, p.Item1, (lines, at) => lines.Insert(at, Replacements[p.Item2])))),
        Gen.Int.Select(i => (Func<string, string>)(t => EditLine(t, i, (lines, at) => lines[at] = "  " + lines[at]))),
        Gen.Int.Select(i => (Func<string, string>)(t => EditLine(t, i, (lines, at) => lines[at] = lines[at].TrimStart()))),
        Gen.Int.Select(i => (Func<string, string>)(t => t.Length == 0 ? t : t.Substring(0, (int)((uint)i % (uint)t.Length)))),
        Gen.Int.Select(i => (Func<string, string>)(t => EditLine(t, i, (lines, at) => lines.Insert(at, AliasBomb)))),
        Gen.Const((Func<string, string>)(t => "\uFEFF" + t)),
        Gen.Const((Func<string, string>)(t => t.Replace("\n", "\r\n", StringComparison.Ordinal))),
        Gen.Const((Func<string, string>)(t => new string('[', 100_000) + t)),
        Gen.Int.Select(i => (Func<string, string>)(t => t.Length == 0 ? t : t.Insert((int)((uint)i % (uint)t.Length), "\0"))));

    public static TheoryData<string> Examples => new(
        Directory.EnumerateFiles(Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void MutatedExample_EndsInAResultOrPlacedDiagnostics_NeverAnException(string example)
    {
        var original = File.ReadAllText(Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", example));

        Mutation.Array[1, 6].Sample(
            mutations =>
            {
                var text = mutations.Aggregate(original, (t, mutate) => mutate(t));
                CheckEveryReader(example, text);
            },
            iter: Iterations,
            threads: 1);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void MutatedExample_WhenTheFastYamlParserTakesIt_IsReadAsYamlDotNetReadsIt(string example)
    {
        var original = File.ReadAllText(Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", example));

        Mutation.Array[1, 6].Sample(mutations => AgreeWhenTaken(mutations.Aggregate(original, (t, mutate) => mutate(t))), iter: Iterations, threads: 1);
    }

    [Fact]
    public void MutatedGeneratedYaml_WhenTheFastYamlParserTakesIt_IsReadAsYamlDotNetReadsIt() =>
        Gen.Int.Select(Mutation.Array[1, 6]).Sample(
            (seed, mutations) => AgreeWhenTaken(mutations.Aggregate(GeneratedYaml.Document(seed), (t, mutate) => mutate(t))),
            iter: Iterations * 10,
            threads: 1);

    [Fact]
    public void MutatedSettingsFile_EndsInAResultOrPlacedDiagnostics_NeverAnException() =>
        Mutation.Array[1, 6].Sample(
            mutations => CheckEveryReader("aus.yaml", mutations.Aggregate(SettingsSample, (t, mutate) => mutate(t))),
            iter: Iterations,
            threads: 1);

    private const string SettingsSample = """
        policies: [orgs, more/orgs.yaml]
        state: postgres://aus@db/aus
        interval: 5m
        concurrency: 8
        dryRun: false
        listen: 127.0.0.1:9090
        shutdownTimeout: 30s
        environments:
        - name: production
          url: https://api.openshift.com
          tokenUrl: https://sso.example/token
          policySource: labels
          addonServiceVersion: v2
          credentials: {clientIdEnv: PROD_ID, clientSecretEnv: PROD_SECRET}
          prometheus: {url: https://telemeter.example/, tokenEnv: TELEMETER_TOKEN}
          notifications:
          - webhook: {url: https://hooks.example/aus, secretEnv: AUS_HOOK_SECRET}
          - slack: {webhookUrlEnv: SLACK_WEBHOOK_URL}
        """;

    // The fast parser may give up on a mutated text; what it takes must be what YamlDotNet reads.
    private static void AgreeWhenTaken(string text) => PlainYamlAgreement.Check(text);

    private static void CheckEveryReader(string file, string text)
    {
        // Through the bytes, as a file is read: BOM, NUL and encoding checks included.
        var source = SourceFiles.Decode(file, Encoding.UTF8.GetBytes(text));
        var (_, classified, _) = PolicyFiles.Validate(source);
        CheckDiagnostics(classified);
        CheckDiagnostics(OrganizationReader.FromSource(source).Diagnostics);
        CheckDiagnostics(FleetReader.FromSource(source).Diagnostics);
        CheckDiagnostics(HistoryReader.FromSource(source, now: new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)).Diagnostics);
        CheckDiagnostics(SettingsReader.FromSource(source).Diagnostics);
    }

    private static void CheckDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        diagnostics.Count.ShouldBeLessThanOrEqualTo(DiagnosticBag.MaxDiagnostics + 1);
        foreach (var diagnostic in diagnostics)
        {
            var placed = (diagnostic.Line > 0 && diagnostic.Column > 0) || (diagnostic.Line == 0 && diagnostic.Column == 0);
            placed.ShouldBeTrue(diagnostic.ToString());
            diagnostic.Message.Length.ShouldBeLessThan(DiagnosticText.MaxLength + 40, diagnostic.ToString());
            diagnostic.ToString().ShouldNotContain(c => char.IsControl(c) || c == '\u2028' || c == '\u2029', diagnostic.ToString());
        }
    }

    private static string EditLine(string text, int pick, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, (int)((uint)pick % (uint)lines.Count));
        return string.Join('\n', lines);
    }

    private static string ReplaceValue(string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line + " " + value : line[..(colon + 2)] + value;
    }
}
