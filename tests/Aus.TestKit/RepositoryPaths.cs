namespace Aus.TestKit;

/// <summary>Finds files of the repository from a test's output folder, so tests never depend on anything outside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string Example(string name) => Path.Combine(Examples, name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Aus.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Aus.slnx not found above " + AppContext.BaseDirectory);
    }
}
