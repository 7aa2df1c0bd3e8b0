using System.Text.RegularExpressions;
using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>
/// A phone number: from Zalo's one-tap "request user info" form (<see cref="ActivityType.SubmittedInfo"/>)
/// or typed in any usual Vietnamese form (0…, +84…, 84…, with spaces or dots).
/// </summary>
public sealed partial class PhonePrompt : Prompt<ContactDetails>
{
    public PhonePrompt(string id)
        : base(id)
    {
    }

    protected override PromptRecognition<ContactDetails> Recognize(TurnContext turn, PromptOptions options, DialogInstance instance) =>
        Read(turn.Activity) is { } contact ? Success(contact) : Fail(turn.Texts.PromptPhoneInvalid);

    /// <summary>The contact in a one-tap form or a typed message, or null when it holds no valid phone number.</summary>
    public static ContactDetails? Read(Activity activity)
    {
        if (activity.Type == ActivityType.SubmittedInfo && activity.SubmittedInfo is { } info)
        {
            return Text.PhoneNumbers.TryNormalize(info.Phone, out var submitted)
                ? new ContactDetails(string.IsNullOrWhiteSpace(info.Name) ? null : info.Name.Trim(), submitted)
                : null;
        }

        if (Text.PhoneNumbers.TryNormalize(activity.Text, out var phone))
        {
            return new ContactDetails(null, phone);
        }

        // "sđt của tôi là 0912 345 678": take the one phone-like run in the sentence.
        var candidates = PhoneRunRegex().Matches(activity.Text ?? string.Empty)
            .Select(m => Text.PhoneNumbers.TryNormalize(m.Value, out var p) ? p : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return candidates.Count == 1 ? new ContactDetails(null, candidates[0]) : null;
    }

    [GeneratedRegex(@"\+?\d[\d .\-]{7,14}\d")]
    private static partial Regex PhoneRunRegex();
}
