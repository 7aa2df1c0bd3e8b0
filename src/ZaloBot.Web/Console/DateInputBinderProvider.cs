using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ZaloBot.Web.Console;

/// <summary>Uses <see cref="DateInputBinder"/> for every <see cref="DateOnly"/> a console form or query binds.</summary>
public sealed class DateInputBinderProvider : IModelBinderProvider
{
    private static readonly DateInputBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? Binder : null;
}
