namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// Everything the engine remembers about one Zalo user, as plain serialisable data
/// (see <see cref="BotStateSerializer"/>). The web app stores it per user with a version.
/// </summary>
public sealed class BotState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public ConversationState Conversation { get; set; } = new();

    public UserState User { get; set; } = new();
}
