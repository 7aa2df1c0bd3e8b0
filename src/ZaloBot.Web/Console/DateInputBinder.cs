using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ZaloBot.Web.Console;

/// <summary>
/// Binds console dates typed as <c>dd/MM/yyyy</c> (as Vietnamese staff write them, whatever the browser's locale) and
/// also <c>yyyy-MM-dd</c> (links and older forms). An unreadable value is a model error <see cref="ErrorKey"/>, which the
/// page turns into a polite message; it never throws.
/// </summary>
public sealed class DateInputBinder : IModelBinder
{
    /// <summary>Model error text pages recognise; the Vietnamese message itself lives in the views.</summary>
    public const string ErrorKey = "invalid-date";

    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (Nullable.GetUnderlyingType(bindingContext.ModelType) is not null)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (TryParse(text, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, ErrorKey);
        }

        return Task.CompletedTask;
    }

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
