using Npgsql;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Tests.Storage;

public class AutoPrepareTests
{
    [Test]
    public void ConnectionStringWithoutTheSetting_GetsAutomaticPreparation()
    {
        var settings = new NpgsqlConnectionStringBuilder(StorageConfiguration.WithAutoPrepare("Host=127.0.0.1;Database=zalobot;Username=zalobot"));

        Assert.That(settings.MaxAutoPrepare, Is.EqualTo(64));
        Assert.That(settings.Database, Is.EqualTo("zalobot"));
    }

    [Test]
    public void AnExplicitSetting_IsKept_SoAPoolerCanTurnItOff()
    {
        Assert.That(new NpgsqlConnectionStringBuilder(StorageConfiguration.WithAutoPrepare("Host=db;Max Auto Prepare=0")).MaxAutoPrepare, Is.Zero);
        Assert.That(new NpgsqlConnectionStringBuilder(StorageConfiguration.WithAutoPrepare("Host=db;maxautoprepare=8")).MaxAutoPrepare, Is.EqualTo(8));
    }
}
