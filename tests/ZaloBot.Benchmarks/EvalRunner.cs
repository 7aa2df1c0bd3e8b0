using ZaloBot.Dialogs.Understanding;
using ZaloBot.Dialogs.Understanding.Evaluation;

namespace ZaloBot.Benchmarks;

/// <summary>Builds the recognizer from the content files and runs <see cref="EvalCommand"/> on a TSV file.</summary>
public static class EvalRunner
{
    public static int Run(string contentDirectory, string file, string? jsonOut, IReadOnlyList<string> args, TextWriter output)
    {
        var recognizer = ContentDirectory.Load(contentDirectory).Build(OptionOverrides.Apply(args));
        output.WriteLine(OptionOverrides.Describe(args));
        output.WriteLine($"index: {recognizer.Labels.Count} labels, {recognizer.ExemplarCount} exemplars, {recognizer.FeatureCount} features");
        return EvalCommand.Run(recognizer, File.ReadLines(file), output, jsonOut);
    }
}
