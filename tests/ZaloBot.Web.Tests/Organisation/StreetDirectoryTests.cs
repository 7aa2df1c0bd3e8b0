using ZaloBot.Web.Organisation;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Organisation;

public sealed class StreetDirectoryTests
{
    [Test]
    public void ShippedOrganisation_StreetsAndCues_LoadWithKnownWards()
    {
        var directory = new StreetDirectory(OrganisationContent.Parse(File.ReadAllText(DeployFiles.PathOf("content", "organisation.yaml"))));

        Assert.That(directory.Streets.Single(s => s.Name == "Trần Quốc Thảo").WardCodes, Is.EqualTo(new[] { "phuong-9", "phuong-vo-thi-sau" }));
        Assert.That(directory.Streets, Has.Count.GreaterThanOrEqualTo(30));
        Assert.That(directory.CuesByCategory["ha-tang"], Does.Contain("đèn đường"));
    }

    [Test]
    public void Street_WithAWardNotInTheWardsList_RefusedAtStart()
    {
        var content = OrganisationContent.Parse("""
            wards:
              - { code: phuong-9, name: Phường 9 }
            streets:
              - { name: Kỳ Đồng, wards: [phuong-9, phuong-99] }
            """);

        var error = Assert.Throws<InvalidOperationException>(() => _ = new StreetDirectory(content));

        Assert.That(error!.Message, Does.Contain("Kỳ Đồng → phuong-99"));
    }
}
