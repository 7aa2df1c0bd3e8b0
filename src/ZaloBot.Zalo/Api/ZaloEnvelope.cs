using System.Globalization;
using System.Text.Json;

namespace ZaloBot.Zalo.Api;

/// <summary>Reading Zalo's <c>{ "error", "message", "data" }</c> envelope.</summary>
internal static class ZaloEnvelope
{
    /// <summary>The <c>error</c> code (number or numeric string); null when absent.</summary>
    public static int? ReadErrorCode(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var e))
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.Number when e.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    public static string? ReadString(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }
}
