using Aus.Policies.Fleet;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Organizations;

/// <summary>No input, however mangled, makes a reader throw: bad input is always reported as diagnostics.</summary>
public sealed class MangledInputTests
{
    private const string Alphabet = " \n\t:-[]{},'\"#&*!|>%@`?~0aZ.";

    [Theory]
    [InlineData("sectors-org.yaml")]
    [InlineData("sectors-fleet.yaml")]
    public void Readers_NeverThrow_OnMangledExamples(string example)
    {
        var text = File.ReadAllText(Path.Combine(Aus.TestKit.RepositoryPaths.Root, "examples", example));
        var random = new Random(20261123);
        for (var i = 0; i < 600; i++)
        {
            var chars = text.ToCharArray();
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            var mangled = new string(chars);
            Should.NotThrow(() => OrganizationReader.Read(mangled, "f.yaml"), mangled);
            Should.NotThrow(() => FleetReader.Read(mangled, "f.yaml"), mangled);
        }
    }
}
