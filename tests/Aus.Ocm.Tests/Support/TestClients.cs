using Aus.Ocm.Configuration;
using Microsoft.Extensions.Logging;

namespace Aus.Ocm.Tests.Support;

public static class TestClients
{
    public const string ClientId = "aus-test-client";
    public const string ClientSecret = "s3cr3t-VALUE-never-shown";
    public const string OfflineToken = "offline-TOKEN-never-shown";

    public static OcmClientOptions Options(OcmCredentials? credentials = null) => new()
    {
        BaseUrl = new Uri(FakeOcmHandler.BaseUrl),
        TokenUrl = new Uri(FakeOcmHandler.TokenUrl),
        Credentials = credentials ?? OcmCredentials.ForClient(ClientId, ClientSecret),
    };

    public static OcmClient Create(FakeOcmHandler handler, TimeProvider? time = null, OcmClientOptions? options = null, ILoggerFactory? loggers = null) =>
        OcmClient.Create(options ?? Options(), time, loggers, handler);
}
