using Aus.Ocm.Configuration;
using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Configuration;

public sealed class OcmClientOptionsFactoryTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void ServiceAccountVariablesGiveClientCredentialsAndDefaultUrls()
    {
        var result = OcmClientOptionsFactory.FromEnvironment(Env(("OCM_CLIENT_ID", "id"), ("OCM_CLIENT_SECRET", "secret")));

        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Options.BaseUrl.ShouldBe(new Uri("https://api.openshift.com"));
        result.Options.TokenUrl.ShouldBe(new Uri("https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token"));
        result.Options.Credentials!.ClientId.ShouldBe("id");
        result.Options.Credentials.IsOfflineToken.ShouldBeFalse();
        result.Options.MaxConcurrency.ShouldBe(8);
    }

    [Fact]
    public void OfflineTokenVariableGivesTheRefreshTokenGrant()
    {
        var result = OcmClientOptionsFactory.FromEnvironment(Env(("OCM_TOKEN", "offline")));

        result.Succeeded.ShouldBeTrue();
        result.Options.Credentials!.IsOfflineToken.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, "v2", AddonServiceVersion.V2)]
    [InlineData("v1", "v1", AddonServiceVersion.V1)]
    [InlineData("v2", "v2", AddonServiceVersion.V2)]
    [InlineData("v3", "v3", null)]
    public void TheAddonServiceVersion_DefaultsToV2_AndAnotherValueIsKeptForItsOrganizationsToReport(string? variable, string service, AddonServiceVersion? version)
    {
        var env = variable is null ? Env(("OCM_TOKEN", "t")) : Env(("OCM_TOKEN", "t"), ("OCM_ADDON_SERVICE_VERSION", variable));

        var result = OcmClientOptionsFactory.FromEnvironment(env);

        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Options.AddonService.ShouldBe(service);
        result.Options.AddonServiceVersion.ShouldBe(version);
    }

    [Fact]
    public void OverridesWinOverTheEnvironment()
    {
        var result = OcmClientOptionsFactory.FromEnvironment(
            Env(("OCM_URL", "http://env.example"), ("OCM_TOKEN_URL", "http://env.example/token"), ("OCM_TOKEN", "t")),
            new OcmConnectionOverrides { OcmUrl = "http://127.0.0.1:8000", MaxConcurrency = 3 });

        result.Options!.BaseUrl.ShouldBe(new Uri("http://127.0.0.1:8000"));
        result.Options.TokenUrl.ShouldBe(new Uri("http://env.example/token"));
        result.Options.MaxConcurrency.ShouldBe(3);
    }

    [Fact]
    public void BothCredentialSourcesAreAnError()
    {
        var result = OcmClientOptionsFactory.FromEnvironment(Env(("OCM_CLIENT_ID", "id"), ("OCM_CLIENT_SECRET", "s"), ("OCM_TOKEN", "t")));

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().ShouldContain("set exactly one credentials source");
    }

    [Fact]
    public void NoCredentialsIsAnErrorNamingTheVariables()
    {
        var result = OcmClientOptionsFactory.FromEnvironment(Env());

        result.Errors.ShouldHaveSingleItem().ShouldBe(
            "no OCM credentials: set OCM_CLIENT_ID and OCM_CLIENT_SECRET (service account) or OCM_TOKEN (offline token)");
    }

    [Fact]
    public void EveryProblemIsReportedTogether()
    {
        var result = OcmClientOptionsFactory.FromEnvironment(
            Env(("OCM_URL", "ftp://nope"), ("OCM_CLIENT_ID", "id")),
            new OcmConnectionOverrides { TokenUrl = "not a url", MaxConcurrency = 0, RetryCount = -1, Timeout = TimeSpan.Zero });

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe(
        [
            "OCM URL (--ocm-url / OCM_URL) 'ftp://nope' is not allowed; it must be an absolute http:// or https:// URL",
            "token URL (--token-url / OCM_TOKEN_URL) 'not a url' is not allowed; it must be an absolute http:// or https:// URL",
            "OCM_CLIENT_ID is set but OCM_CLIENT_SECRET is not; a service account needs both",
            "timeout 00:00:00 is not allowed; it must be positive",
            "max concurrency 0 is not allowed; it must be at least 1",
            "retry count -1 is not allowed; it must be 0 or more",
        ]);
    }

    [Fact]
    public void CredentialsNeverPrintTheirSecrets()
    {
        var client = OcmCredentials.ForClient(TestClients.ClientId, TestClients.ClientSecret);
        var offline = OcmCredentials.ForOfflineToken(TestClients.OfflineToken);
        var options = TestClients.Options(client);

        client.ToString().ShouldNotContain(TestClients.ClientSecret);
        offline.ToString().ShouldNotContain(TestClients.OfflineToken);
        options.ToString().ShouldNotContain(TestClients.ClientSecret);
        (options with { Credentials = offline }).ToString().ShouldNotContain(TestClients.OfflineToken);
    }

    [Fact]
    public void CreateRejectsInvalidOptionsWithEveryError()
    {
        var options = new OcmClientOptions { MaxConcurrency = 0, PageSize = 500 };

        var error = Should.Throw<OcmOptionsException>(() => OcmClient.Create(options));

        error.Errors.Length.ShouldBe(3);
        error.Message.ShouldContain("page size 500");
    }

    [Fact]
    public void TheRetryAfterCap_IsSetInSecondsByOcmMaxRetryAfter()
    {
        var result = OcmClientOptionsFactory.FromEnvironment(Env(("OCM_TOKEN", "t"), ("OCM_MAX_RETRY_AFTER", "5")));

        result.Succeeded.ShouldBeTrue();
        result.Options.MaxRetryAfter.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void TheRetryAfterCap_ThatIsNotSeconds_IsAnErrorNamingTheVariable()
    {
        var result = OcmClientOptionsFactory.FromEnvironment(Env(("OCM_TOKEN", "t"), ("OCM_MAX_RETRY_AFTER", "1d")));

        result.Errors.ShouldBe(["OCM_MAX_RETRY_AFTER '1d' is not allowed; it must be a whole number of seconds such as 60"]);
    }

    [Fact]
    public void ACredentialSource_ReadsTheVariablesAndFilesItNames()
    {
        var source = new OcmCredentialSource { ClientId = "prod-sa", ClientSecretFile = "/run/secrets/ocm" };

        var result = OcmClientOptionsFactory.FromEnvironment(
            Env(("OCM_CLIENT_ID", "not-this"), ("OCM_CLIENT_SECRET", "not-this")),
            file => file == "/run/secrets/ocm" ? "from-file\n" : throw new FileNotFoundException(file),
            new OcmConnectionOverrides { Credentials = source });

        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Options.Credentials!.ClientId.ShouldBe("prod-sa");
        result.Options.Credentials.ClientSecret.ShouldBe("from-file");
    }

    [Fact]
    public void ACredentialProblem_NamesTheVariablesConfigured()
    {
        var source = new OcmCredentialSource { ClientIdEnv = "PROD_ID", ClientSecretEnv = "PROD_SECRET", OfflineTokenEnv = "PROD_TOKEN" };

        OcmClientOptionsFactory.FromEnvironment(Env(("PROD_ID", "id")), new OcmConnectionOverrides { Credentials = source })
            .Errors.ShouldBe(["PROD_ID is set but PROD_SECRET is not; a service account needs both"]);
        OcmClientOptionsFactory.FromEnvironment(Env(), new OcmConnectionOverrides { Credentials = source })
            .Errors.ShouldBe(["no OCM credentials: set PROD_ID and PROD_SECRET (service account) or PROD_TOKEN (offline token)"]);
    }

    [Fact]
    public void AnUnreadableCredentialFile_IsTheOneProblemReported()
    {
        var source = new OcmCredentialSource { ClientIdEnv = "PROD_ID", ClientSecretFile = "/missing" };

        OcmClientOptionsFactory.FromEnvironment(Env(("PROD_ID", "id")), file => throw new FileNotFoundException("not found"), new OcmConnectionOverrides { Credentials = source })
            .Errors.ShouldBe(["cannot read the credentials file /missing: not found"]);
    }

    [Fact]
    public void TheAddOnServiceOverride_WinsOverTheVariable() =>
        OcmClientOptionsFactory.FromEnvironment(Env(("OCM_TOKEN", "t"), ("OCM_ADDON_SERVICE_VERSION", "v2")), new OcmConnectionOverrides { AddonService = "v1" })
            .Options!.AddonService.ShouldBe("v1");
}
