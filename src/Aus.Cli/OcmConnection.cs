using Aus.Ocm;
using Aus.Ocm.Configuration;

namespace Aus.Cli;

/// <summary>Builds the OCM client from --ocm-url/--token-url and the OCM_* variables (credentials only from the environment).</summary>
internal static class OcmConnection
{
    public static OcmClient? TryCreate(string? ocmUrl, string? tokenUrl, TextWriter stderr, TimeProvider? time = null)
    {
        var result = OcmClientOptionsFactory.FromEnvironment(new OcmConnectionOverrides { OcmUrl = ocmUrl, TokenUrl = tokenUrl });
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine($"aus: error: {error}");
            }

            return null;
        }

        return OcmClient.Create(result.Options, time);
    }
}
