using System.Globalization;
using ZaloBot.Dialogs.Understanding.Evaluation;

namespace ZaloBot.Benchmarks;

/// <summary>
/// <c>neardup FILE [--threshold T] [--list]</c>: how many messages of an evaluation file are near-duplicates of a
/// content phrasing (<see cref="NearDuplicateCheck"/>). Counts only unless <c>--list</c>: a fresh set's lines must
/// not be read while the model is being developed.
/// </summary>
public static class NearDuplicateRunner
{
    public static int Run(string contentDirectory, string file, double threshold, bool list, TextWriter output)
    {
        var content = ContentDirectory.Load(contentDirectory);
        var messages = File.ReadLines(file).Where(l => l.Length > 0).Select(l => l.Split('\t')[0]).ToList();
        var duplicates = NearDuplicateCheck.Find(content.AllPhrasings(), messages, threshold);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{duplicates.Count} of {messages.Count} messages have a content phrasing with character-trigram Jaccard >= {threshold:0.00}"));
        foreach (var bin in new[] { 0.6, 0.7, 0.8, 0.9 })
        {
            var count = NearDuplicateCheck.Find(content.AllPhrasings(), messages, bin).Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  >= {bin:0.0}: {count}"));
        }

        if (list)
        {
            foreach (var (message, phrasing, similarity) in duplicates)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {similarity:0.00}  {message}  ~  {phrasing}"));
            }
        }

        return 0;
    }
}
