using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core sends while armed and, like a process dying mid-commit, fails the n-th one; or runs
/// an action just before the first command whose text contains a marker (a concurrent writer getting in first).
/// </summary>
public sealed class CommandFaults : DbCommandInterceptor
{
    private int _armedAt = -1;
    private int _count;
    private string? _beforeMarker;
    private Func<Task>? _before;

    /// <summary>Commands seen since <see cref="Arm"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>True when the last armed run reached its failing command.</summary>
    public bool Fired { get; private set; }

    public void Arm(int failAt)
    {
        _count = 0;
        Fired = false;
        _armedAt = failAt;
    }

    public void Before(string marker, Func<Task> action)
    {
        _beforeMarker = marker;
        _before = action;
    }

    public void Disarm()
    {
        _armedAt = -1;
        _beforeMarker = null;
        _before = null;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await StepAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StepAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await StepAsync(command);
        return result;
    }

    private async Task StepAsync(DbCommand command)
    {
        if (_before is { } before && command.CommandText.Contains(_beforeMarker!, StringComparison.Ordinal))
        {
            _before = null;
            await before();
        }

        if (_armedAt < 0)
        {
            return;
        }

        if (Interlocked.Increment(ref _count) == _armedAt)
        {
            Fired = true;
            throw new InvalidOperationException($"injected crash at command {_armedAt}");
        }
    }
}
