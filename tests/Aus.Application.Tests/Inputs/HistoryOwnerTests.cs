using Aus.Application.Inputs;
using Aus.Domain.Fleet;

namespace Aus.Application.Tests.Inputs;

/// <summary>Whose history it is: written as --history and the history exports name it.</summary>
public sealed class HistoryOwnerTests
{
    [Fact]
    public void AnOrganizationsOwnHistory_IsWrittenAsItsId()
    {
        new HistoryOwner(new OrganizationId("org-a")).ToString().ShouldBe("org-a");
    }

    [Fact]
    public void AnAddonsHistory_IsWrittenAsOrgIdSlashAddonId()
    {
        new HistoryOwner(new OrganizationId("org-a"), "addon-x").ToString().ShouldBe("org-a/addon-x");
    }

    [Fact]
    public void AnAddonsHistory_IsNotTheOrganizationsOwn_NorAnotherOrganizationsAddons()
    {
        var addon = new HistoryOwner(new OrganizationId("org-a"), "addon-x");

        addon.ShouldNotBe(new HistoryOwner(new OrganizationId("org-a")));
        addon.ShouldNotBe(new HistoryOwner(new OrganizationId("org-b"), "addon-x"));
        addon.ShouldBe(new HistoryOwner(new OrganizationId("org-a"), "addon-x"));
    }
}
