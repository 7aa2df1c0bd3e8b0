using ZaloBot.Dialogs.Understanding;
using ZaloBot.Dialogs.Understanding.Evaluation;

namespace ZaloBot.Web.Faq;

/// <summary>
/// <c>eval FILE [--json OUT]</c>: runs the recognizer the bot uses (built from the FAQ in PostgreSQL) on
/// <c>message&lt;TAB&gt;expected</c> lines. <c>faq export FILE</c> / <c>faq import FILE</c>: the content format.
/// </summary>
public static class FaqCommands
{
    public static async Task<int> EvalAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count == 0)
        {
            await output.WriteLineAsync("usage: eval FILE [--json OUT]");
            return 2;
        }

        var jsonIndex = args.ToList().IndexOf("--json");
        var jsonOut = jsonIndex >= 0 && jsonIndex + 1 < args.Count ? args[jsonIndex + 1] : null;
        var recognizer = services.GetRequiredService<LiveRecognizer>();
        await recognizer.RebuildAsync(CancellationToken.None);
        return EvalCommand.Run(recognizer, await File.ReadAllLinesAsync(args[0]), output, jsonOut);
    }

    public static async Task<int> FaqAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count != 2 || args[0] is not ("export" or "import"))
        {
            await output.WriteLineAsync("usage: faq export FILE | faq import FILE");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<FaqEditor>();
        if (args[0] == "export")
        {
            await File.WriteAllTextAsync(args[1], await editor.ExportAsync(CancellationToken.None));
            await output.WriteLineAsync($"FAQ exported to {args[1]}");
            return 0;
        }

        var (added, updated) = await editor.ImportAsync(await File.ReadAllTextAsync(args[1]), "import", CancellationToken.None);
        await output.WriteLineAsync($"FAQ imported: {added} added, {updated} updated");
        return 0;
    }
}
