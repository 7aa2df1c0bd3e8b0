using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Hosting;

/// <summary>
/// Section "KeyRing": the certificate that encrypts the ASP.NET Core Data Protection key ring stored in PostgreSQL.
/// The ring protects the staff cookies, anti-forgery tokens, the OA consent state and the OA token pair at rest, so
/// every pod must share it (one ring in the database) and nobody with only a database dump may read it (hence the
/// certificate, which comes from the environment or a secret store, never from a committed file). Required in
/// Production: without it start-up stops with a message naming <c>KeyRing__Certificate</c>.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "KeyRing";

    /// <summary>SECRET. Base64 of a PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? Certificate { get; set; }

    /// <summary>SECRET. The PKCS#12 password; empty when the file has none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Base64 PKCS#12 files of certificates used before (rotation): keys they encrypted stay readable. Same password
    /// as <see cref="Certificate"/>.
    /// </summary>
    [MaxLength(8)]
    public string[] PreviousCertificates { get; set; } = [];
}
