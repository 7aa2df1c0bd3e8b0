using ZaloBot.Dialogs.Understanding;
using ZaloBot.Dialogs.Understanding.Evaluation;

namespace ZaloBot.Benchmarks;

/// <summary><c>kfold K</c>: k-fold held-out evaluation of the shipped recognizer on the content's own phrasings.</summary>
public static class KFoldRunner
{
    public static int Run(string contentDirectory, int folds, IReadOnlyList<string> args, TextWriter output)
    {
        var content = ContentDirectory.Load(contentDirectory);
        var options = OptionOverrides.Apply(args);
        output.WriteLine($"{folds}-fold held-out evaluation on {contentDirectory}, {OptionOverrides.Describe(args)}");
        var report = CrossValidation.Run(content.Faq, content.Intents, folds, (faq, intents) => (content with { Faq = faq, Intents = intents }).Build(options));
        EvalReportPrinter.Print(report, output);
        return 0;
    }
}
