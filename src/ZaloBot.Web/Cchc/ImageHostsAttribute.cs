using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ZaloBot.Web.Cchc;

/// <summary>Each entry is a host name, optionally "*." first (a CSP host-source without scheme, port or path).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class ImageHostsAttribute : ValidationAttribute
{
    public ImageHostsAttribute()
        : base("Cchc:ImageHosts: each entry must be a host name such as anh.quan3.gov.vn or *.gov.vn (no scheme, port or path).")
    {
    }

    public override bool IsValid(object? value) =>
        value is null || (value is string[] hosts && hosts.All(h => h is not null && Host().IsMatch(h.Trim())));

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex Host();
}
