using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ZaloBot.Dialogs.Engine;

/// <summary>System.Text.Json for <see cref="BotState"/>: camelCase, enums as strings, Vietnamese unescaped.</summary>
public static class BotStateSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(BotState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>Reads stored state; null or empty input gives a fresh state.</summary>
    public static BotState Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new BotState() : JsonSerializer.Deserialize<BotState>(json, Options) ?? new BotState();

    /// <summary>A deep copy, so a turn never changes the state its caller holds (the turn can be re-run).</summary>
    public static BotState Clone(BotState state) => Deserialize(Serialize(state));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Vietnamese stays readable (and shorter) in Redis; HTML-sensitive characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
