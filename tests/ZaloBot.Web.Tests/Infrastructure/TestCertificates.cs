using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>Key-ring certificates as an operator makes them once (README "Configuration"): base64 PKCS#12 with the private key.</summary>
public static class TestCertificates
{
    public static string KeyRing(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=zalobot-keyring-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, password));
    }
}
