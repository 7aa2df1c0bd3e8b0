using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ZaloBot.Web.Console;

/// <summary>
/// The net under every console form: a write that PostgreSQL refuses because of what was typed or posted — a text
/// longer than its column, an id that does not exist, a duplicate, a number or date out of range — is a 422 with
/// the console's polite page, not a 500. Screens still check what they can first and say exactly what is wrong;
/// this catches what they did not foresee. Any other failure is not the user's input and stays an error. A query or
/// form value with U+0000 is refused up front (400): PostgreSQL text cannot hold it, so any query using it would fail.
/// </summary>
public sealed class ConsoleInputFilter(ILogger<ConsoleInputFilter> logger) : IAsyncPageFilter
{
    /// <summary>string_data_right_truncation, numeric_value_out_of_range, datetime_field_overflow, invalid_datetime_format, foreign_key_violation, unique_violation.</summary>
    private static readonly HashSet<string> InputErrors = ["22001", "22003", "22008", "22007", "22021", "23503", "23505"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // The form was read by model binding already, so reading it here does not block.
        if (request.Query.Any(q => HasNul(q.Value)) || (request.HasFormContentType && request.Form.Any(f => HasNul(f.Value))))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        var executed = await next();
        if (executed.Exception is DbUpdateException { InnerException: PostgresException { SqlState: var state } } && InputErrors.Contains(state))
        {
            logger.LogWarning("Console input refused by PostgreSQL ({SqlState}) on {Page}", state, context.ActionDescriptor.ViewEnginePath);
            executed.ExceptionHandled = true;
            executed.Result = new StatusCodeResult(StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static bool HasNul(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal));
}
