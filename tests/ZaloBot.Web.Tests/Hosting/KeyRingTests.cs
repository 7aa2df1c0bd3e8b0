using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Tests.Hosting;

/// <summary>
/// Issue 9, point 4: one Data Protection key ring for every pod, in PostgreSQL, encrypted with the certificate from
/// the environment (a Production start without it stops: <see cref="ProductionStartTests"/>).
/// </summary>
public sealed class KeyRingTests
{
    [Test]
    public async Task TokenPair_WrittenByOnePod_IsReadByAnotherAndNotWithoutTheCertificate()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var certificate = Certificate();
        await using var podA = Pod(database, certificate);
        await using var podB = Pod(database, certificate);
        await using var stranger = Pod(database, Certificate());
        var pair = new ZaloTokenSet("access-1", "refresh-1", DateTimeOffset.UnixEpoch.AddDays(30), DateTimeOffset.UnixEpoch);

        Assert.That(await podA.Services.GetRequiredService<IZaloTokenStore>().TryReplaceAsync(ZaloBotFactory.OaId, null, pair, CancellationToken.None), Is.True);
        var readByB = await podB.Services.GetRequiredService<IZaloTokenStore>().GetAsync(ZaloBotFactory.OaId, CancellationToken.None);

        Assert.That(readByB, Is.EqualTo(pair));
        await using var db = database.CreateContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.That(keys, Has.Count.EqualTo(1));
        Assert.That(keys[0], Does.Contain("<encryptedSecret").And.Not.Contain("<masterKey"), "the key must be stored encrypted with the certificate");
        Assert.ThrowsAsync<CryptographicException>(() => stranger.Services.GetRequiredService<IZaloTokenStore>().GetAsync(ZaloBotFactory.OaId, CancellationToken.None));
    }

    private static ZaloBotFactory Pod(TestDatabase database, string certificate) =>
        new(database.ConnectionString, TestServers.Redis, new Dictionary<string, string?>
        {
            ["KeyRing:Certificate"] = certificate,
            ["KeyRing:CertificatePassword"] = "pfx-password",
            ["Service:Role"] = "Web",
        });

    internal static string Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=zalobot-keyring-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
    }
}
