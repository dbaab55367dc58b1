using System.Net;
using Aus.Ocm.Tests.Support;

namespace Aus.Ocm.Tests.Http;

public sealed class ErrorDecodingTests
{
    [Fact]
    public async Task AnOcmErrorBodyIsDecodedIntoStatusCodeReasonAndOperationId()
    {
        var ocm = new FakeOcmHandler().On("GET", "/api/accounts_mgmt/v1/organizations/o1/labels", _ =>
            FakeOcmHandler.Error(HttpStatusCode.Forbidden, "ACCOUNT-MGMT-11", "Account is not allowed to view labels", "op-403"));
        using var client = TestClients.Create(ocm);

        var error = await Should.ThrowAsync<OcmApiException>(client.GetOrganizationLabelsAsync(new("o1"), CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        error.Code.ShouldBe("ACCOUNT-MGMT-11");
        error.Reason.ShouldBe("Account is not allowed to view labels");
        error.OperationId.ShouldBe("op-403");
        error.OutcomeUnknown.ShouldBeFalse();
        error.Operation.ShouldBe("GET /api/accounts_mgmt/v1/organizations/o1/labels");
        error.Message.ShouldBe(
            "OCM call GET /api/accounts_mgmt/v1/organizations/o1/labels failed: 403 Forbidden [ACCOUNT-MGMT-11]: Account is not allowed to view labels (operation id op-403)");
    }

    [Fact]
    public async Task AnErrorWithoutAnOcmBodyKeepsTheTextAndTheOperationIdHeader()
    {
        var ocm = new FakeOcmHandler().On("GET", "/api/accounts_mgmt/v1/organizations/o1/labels", _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("<html>bad gateway page</html>") };
            response.Headers.Add("X-Operation-Id", "op-hdr");
            return response;
        });
        using var client = TestClients.Create(ocm);

        var error = await Should.ThrowAsync<OcmApiException>(client.GetOrganizationLabelsAsync(new("o1"), CancellationToken.None));

        error.Code.ShouldBeNull();
        error.Reason.ShouldBe("the answer is text/plain, not OCM's JSON (is the URL OCM's API?); it starts \"<html>bad gateway page</html>\"");
        error.OperationId.ShouldBe("op-hdr");
    }

    [Fact]
    public async Task AnHtmlPageIsDescribedByStatusContentTypeAndFirstLineNotEmbedded()
    {
        var page = "<!DOCTYPE html>\n<html>\n<head><title>Welcome</title></head>\n<body>" + new string('x', 2000) + "</body>\n</html>\n";
        var ocm = new FakeOcmHandler().On("GET", "/api/accounts_mgmt/v1/organizations/o1/labels", _ =>
            new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(page, System.Text.Encoding.UTF8, "text/html") });
        using var client = TestClients.Create(ocm);

        var error = await Should.ThrowAsync<OcmApiException>(client.GetOrganizationLabelsAsync(new("o1"), CancellationToken.None));

        error.Message.ShouldBe(
            "OCM call GET /api/accounts_mgmt/v1/organizations/o1/labels failed: 404 NotFound: the answer is text/html, not OCM's JSON (is the URL OCM's API?); it starts \"<!DOCTYPE html>\"");
    }

    [Fact]
    public async Task ASuccessfulAnswerThatIsAnHtmlPageIsAnErrorSayingWhatCameBack()
    {
        var longLine = "<html><head><title>" + new string('t', 200) + "</title></head></html>";
        var ocm = new FakeOcmHandler().On("GET", "/api/accounts_mgmt/v1/organizations/o1/labels", _ =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(longLine, System.Text.Encoding.UTF8, "text/html") });
        using var client = TestClients.Create(ocm);

        var error = await Should.ThrowAsync<OcmApiException>(client.GetOrganizationLabelsAsync(new("o1"), CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.OK);
        error.Reason.ShouldStartWith("the answer is text/html, not OCM's JSON (is the URL OCM's API?); it starts \"<html><head><title>ttt");
        error.Reason.ShouldEndWith("...\"");
        error.Reason.Length.ShouldBeLessThan(200);
    }
}
