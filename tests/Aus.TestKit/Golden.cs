namespace Aus.TestKit;

/// <summary>
/// Golden files: what people and programs read is compared with a file under version control. Set
/// AUS_ACCEPT_GOLDEN=1 to write the current output as the new expectation, then review the diff.
/// </summary>
public static class Golden
{
    public static void Verify(string actual, string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);
        if (Environment.GetEnvironmentVariable("AUS_ACCEPT_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"golden file {relativePath} is missing; run the tests with AUS_ACCEPT_GOLDEN=1 to create it");
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual.ReplaceLineEndings("\n"))
        {
            throw new InvalidOperationException($"output differs from golden file {relativePath}; if the change is intended, re-run with AUS_ACCEPT_GOLDEN=1 and review the diff.\n--- expected\n{expected}\n--- actual\n{actual}");
        }
    }
}
