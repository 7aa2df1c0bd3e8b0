using System.Text.Json.Nodes;

namespace ZaloBot.Dialogs.Engine;

/// <summary>One entry of a dialog stack: which dialog, and its own JSON state.</summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    public JsonObject State { get; set; } = [];
}
