namespace Aus.Cli.Tests.Packaging;

/// <summary>The tests that run `dotnet pack`/`dotnet publish` on the repository: one at a time, as both restore the same projects.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildsCollection
{
    public const string Name = "dotnet builds";
}
