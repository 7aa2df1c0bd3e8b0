namespace ZaloBot.Web.Hosting;

/// <summary>Section "DataProtection": where ASP.NET Core Data Protection keeps its keys (token encryption, staff cookies).</summary>
public sealed class DataProtectionKeysOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// Folder of the keys. Every instance must share it (a shared volume). Empty: the framework default (per-user
    /// profile folder), fine on one machine.
    /// </summary>
    public string? KeysDirectory { get; set; }
}
