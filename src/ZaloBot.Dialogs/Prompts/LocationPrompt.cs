using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>A location shared from Zalo, or a typed address (at least 5 characters).</summary>
public sealed class LocationPrompt : Prompt<GeoLocation>
{
    private const int MinAddressLength = 5;

    public LocationPrompt(string id)
        : base(id)
    {
    }

    protected override PromptRecognition<GeoLocation> Recognize(TurnContext turn, PromptOptions options, DialogInstance instance)
    {
        var activity = turn.Activity;
        if (activity.Location is { } location)
        {
            return Success(location);
        }

        var text = activity.Text?.Trim();
        return text is { Length: >= MinAddressLength } && activity.Attachments.Count == 0
            ? Success(new GeoLocation(null, null, text))
            : Fail(options.RetryText);
    }
}
