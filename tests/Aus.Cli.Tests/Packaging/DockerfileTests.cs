using System.Text.RegularExpressions;
using Aus.TestKit;

namespace Aus.Cli.Tests.Packaging;

/// <summary>
/// The Dockerfile, read as text (no container engine here): a build stage with the SDK and a
/// runtime stage without it, a non-root user, and every path it copies present in the repository
/// and not excluded by .dockerignore.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Dockerfile"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();

    [Fact]
    public void Stages_BuildWithTheSdkAndRunOnTheAspNetRuntime()
    {
        var stages = Lines.Select(l => FromLine().Match(l)).Where(m => m.Success).ToList();

        stages.Count.ShouldBe(2);
        stages[0].Groups["image"].Value.ShouldStartWith("mcr.microsoft.com/dotnet/sdk:10.0.");
        stages[0].Groups["name"].Value.ShouldBe("build");
        stages[1].Groups["image"].Value.ShouldStartWith("mcr.microsoft.com/dotnet/aspnet:10.0.");
        Lines.ShouldContain("COPY --from=build /app ./");
    }

    [Fact]
    public void BaseImages_ArePinnedByFullVersionOrDigest()
    {
        var images = Lines.Select(l => FromLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["image"].Value).ToList();

        images.ShouldNotBeEmpty();
        foreach (var image in images)
        {
            PinnedImage().IsMatch(image).ShouldBeTrue($"{image}: a floating tag; pin MAJOR.MINOR.PATCH (and optionally @sha256:...)");
        }

        // The runtime image runs what the SDK image built: the same major.minor.
        var sdk = PinnedImage().Match(images[0]).Groups["version"].Value;
        var runtime = PinnedImage().Match(images[1]).Groups["version"].Value;
        runtime.Split('.')[..2].ShouldBe(sdk.Split('.')[..2]);
    }

    [Fact]
    public void Publish_IsReadyToRunForTheImagesArchitecture()
    {
        var publish = Lines.Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var restore = Lines.Single(l => l.StartsWith("RUN dotnet restore ", StringComparison.Ordinal));

        // A runtime identifier (here from the architecture) turns ReadyToRun on (Aus.Cli.csproj); restore must use the same one.
        publish.ShouldContain("-a $TARGETARCH");
        restore.ShouldContain("-a $TARGETARCH");
        publish.ShouldContain("--self-contained false");
        Lines.ShouldContain("ARG TARGETARCH");
    }

    [Fact]
    public void Runtime_RunsAsANonRootUser()
    {
        var runtime = Lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        var user = runtime.Single(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];

        user.ShouldNotBe("root");
        int.Parse(user.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        runtime.IndexOf(runtime.Single(l => l.StartsWith("USER ", StringComparison.Ordinal)))
            .ShouldBeLessThan(runtime.FindIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        runtime.ShouldContain("ENTRYPOINT [\"/app/aus\"]");
        runtime.ShouldContain(l => l.Contains("AUS_LISTEN=0.0.0.0:9090", StringComparison.Ordinal));
    }

    [Fact]
    public void Copies_NamePathsThatExistAndAreNotIgnored()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore")).Where(l => l.Length > 0).ToList();
        var sources = Lines
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        sources.ShouldNotBeEmpty();
        foreach (var source in sources)
        {
            var path = Path.Combine(RepositoryPaths.Root, source);
            (File.Exists(path) || Directory.Exists(path)).ShouldBeTrue($"COPY {source}: no such file in the repository");
            ignored.ShouldNotContain(source.TrimEnd('/') + "/");
        }

        // Every project aus is built from is restored in the cached layer.
        var projects = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'));
        foreach (var project in projects)
        {
            sources.ShouldContain(project);
        }
    }

    [GeneratedRegex(@"^[^:@\s]+:(?<version>\d+\.\d+\.\d+)(@sha256:[0-9a-f]{64})?$")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"^FROM (?<image>\S+)( AS (?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
