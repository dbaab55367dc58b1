using Aus.Ocm.Http;

namespace Aus.Ocm.Tests.Http;

public sealed class OcmSearchTests
{
    [Fact]
    public void ConditionsAreSortedByKeyAndJoinedWithAnd()
    {
        var search = OcmSearch.Empty
            .In("subscription.id", ["s2", "s1"])
            .Equal("state", "ready")
            .In("product.id", ["rosa", "osd"])
            .Equal("managed", "true");

        search.ToString().ShouldBe("managed='true' and product.id in ('osd','rosa') and state='ready' and subscription.id in ('s1','s2')");
    }

    [Fact]
    public void SingleQuotesInValuesAreDoubled()
    {
        OcmSearch.Empty.Equal("summary", "it's").In("name", ["o'b", "a"]).ToString()
            .ShouldBe("name in ('a','o''b') and summary='it''s'");
    }

    [Fact]
    public void LikeAndAtLeastUseTheirOperators()
    {
        OcmSearch.Empty.Like("key", "sre-capabilities.aus.%").AtLeast("created_at", "2026-11-22T12:00:00Z").ToString()
            .ShouldBe("created_at >= '2026-11-22T12:00:00Z' and key like 'sre-capabilities.aus.%'");
    }
}
