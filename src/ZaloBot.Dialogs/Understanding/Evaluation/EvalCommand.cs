namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>
/// The <c>eval FILE [--json OUT]</c> command shared by the service binary and the benchmark project:
/// prints the report and optionally writes the JSON. Exit code 0 on success, 2 when the input is malformed.
/// </summary>
public static class EvalCommand
{
    public static int Run(IRecognizer recognizer, IEnumerable<string> lines, TextWriter output, string? jsonOutPath)
    {
        ArgumentNullException.ThrowIfNull(output);
        EvalReport report;
        try
        {
            report = Evaluator.Run(recognizer, lines);
        }
        catch (FormatException ex)
        {
            output.WriteLine($"eval: {ex.Message}");
            return 2;
        }

        EvalReportPrinter.Print(report, output);
        if (jsonOutPath is not null)
        {
            using var file = File.Create(jsonOutPath);
            EvalJsonWriter.Write(report, file);
            output.WriteLine($"wrote {jsonOutPath}");
        }

        return 0;
    }
}
