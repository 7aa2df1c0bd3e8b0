using System.Text.Json;
using System.Text.Json.Nodes;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>
/// Collects up to <see cref="PromptOptions.MaxItems"/> images over several messages; ends when the
/// limit is reached or the citizen says "xong". Usually optional ("Bỏ qua").
/// </summary>
public sealed class AttachmentPrompt : Prompt<IReadOnlyList<MessageAttachment>>
{
    private const string ItemsKey = "items";

    public AttachmentPrompt(string id)
        : base(id)
    {
    }

    protected override PromptRecognition<IReadOnlyList<MessageAttachment>> Recognize(TurnContext turn, PromptOptions options, DialogInstance instance)
    {
        var items = instance.State[ItemsKey]?.Deserialize<List<MessageAttachment>>(BotStateSerializer.Options) ?? [];
        var max = options.MaxItems ?? 1;
        var activity = turn.Activity;
        var images = activity.Attachments.Where(a => a.Kind == AttachmentKind.Image).ToList();

        if (images.Count > 0)
        {
            items.AddRange(images.Take(max - items.Count));
            instance.State[ItemsKey] = JsonSerializer.SerializeToNode(items, BotStateSerializer.Options);
            if (items.Count >= max)
            {
                return Success(items);
            }

            turn.Send(OutgoingMessage.Create(
                turn.Texts.Fill(turn.Texts.PhotoReceived, ("count", items.Count), ("max", max)),
                [MessageButton.Show(turn.Texts.DoneButton)]));
            return Wait();
        }

        if (TextFolding.IsOneOf(activity.Text, turn.Texts.DoneWords))
        {
            return Success(items);
        }

        return Fail(options.RetryText);
    }

    internal static JsonNode? ToJson(IReadOnlyList<MessageAttachment> items) =>
        JsonSerializer.SerializeToNode(items, BotStateSerializer.Options);
}
