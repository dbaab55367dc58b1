namespace Aus.Cli.Tests;

/// <summary>Finds the repository (the folder holding Aus.slnx) from the test binaries, so tests read the committed examples.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Aus.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Aus.slnx not found above " + AppContext.BaseDirectory);
    }
}
