using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Web.Faq;

/// <summary>Turns the recognizer's own checks into a start-up failure that names the setting.</summary>
public sealed class RecognizerOptionsValidator : IValidateOptions<RecognizerOptions>
{
    public ValidateOptionsResult Validate(string? name, RecognizerOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{FaqConfiguration.Section}: {ex.Message}");
        }
    }
}
