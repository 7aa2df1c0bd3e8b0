using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Hosting;

public static class KeyRingConfiguration
{
    /// <summary>The name every pod shares: keys and protected payloads are isolated per application name.</summary>
    public const string ApplicationName = "ZaloBot";

    /// <summary>
    /// One Data Protection key ring for all pods, in PostgreSQL (<c>data_protection_keys</c>), each key encrypted
    /// with the certificate of <see cref="KeyRingOptions"/>. Outside Production the certificate is optional (keys are
    /// then stored unencrypted, with the framework's warning); in Production its absence stops start-up.
    /// </summary>
    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<ZaloBotDbContext>();

        if (string.IsNullOrWhiteSpace(options.Certificate))
        {
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "KeyRing:Certificate is not set. In Production the Data Protection key ring (staff sign-in, OA tokens) is " +
                    "stored in PostgreSQL and must be encrypted: set KeyRing__Certificate to the base64 of a PKCS#12 file " +
                    "with its private key (and KeyRing__CertificatePassword), from a secret. See README \"Configuration\".");
            }

            return builder;
        }

        var current = Load(options.Certificate, options.CertificatePassword, "KeyRing:Certificate");
        dataProtection.ProtectKeysWithCertificate(current);
        var previous = options.PreviousCertificates
            .Select((pfx, i) => Load(pfx, options.CertificatePassword, $"KeyRing:PreviousCertificates:{i}"))
            .ToArray();
        dataProtection.UnprotectKeysWithAnyCertificate([current, .. previous]);
        return builder;
    }

    private static X509Certificate2 Load(string base64, string? password, string setting)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64.Trim()), password,
                X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new InvalidOperationException($"{setting} is not a base64 PKCS#12 file readable with KeyRing:CertificatePassword: {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{setting} has no private key: the key ring could not be decrypted with it.");
        }

        return certificate;
    }
}
