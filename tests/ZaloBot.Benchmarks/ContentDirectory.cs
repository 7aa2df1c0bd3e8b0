using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Benchmarks;

/// <summary>The three content files of a directory (faq.yaml, intents.yaml, abbreviations.yaml), parsed.</summary>
public sealed record ContentDirectory(
    IReadOnlyList<FaqEntry> Faq, IntentContent Intents, AbbreviationDictionary Abbreviations, ConceptThesaurus Concepts, IReadOnlyList<ReferralEntry> Referrals)
{
    public static ContentDirectory Load(string directory) => new(
        FaqContent.Parse(File.ReadAllText(Path.Combine(directory, "faq.yaml"))),
        IntentContent.Parse(File.ReadAllText(Path.Combine(directory, "intents.yaml"))),
        AbbreviationDictionary.Parse(File.ReadAllText(Path.Combine(directory, "abbreviations.yaml"))),
        ConceptThesaurus.Parse(File.ReadAllText(Path.Combine(directory, "concepts.yaml"))),
        ReferralContent.Parse(File.ReadAllText(Path.Combine(directory, "referrals.yaml"))));

    /// <summary>Walks up from the working directory to the repository's content/ folder.</summary>
    public static string Find(string? given)
    {
        if (given is not null)
        {
            return given;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, "faq.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No content/faq.yaml above the working directory; pass --content DIR.");
    }

    /// <summary>Every text the recognizer learns from: FAQ questions and phrasings, intent phrasings, out-of-scope exemplars.</summary>
    public IEnumerable<string> AllPhrasings() =>
        Faq.SelectMany(e => e.Phrasings.Prepend(e.Question))
            .Concat(Intents.Intents.SelectMany(i => i.Phrasings))
            .Concat(Intents.OutOfScope);

    public RecognizerIndex Build(RecognizerOptions options) => RecognizerIndex.Build(Faq, Intents, Abbreviations, options, Concepts, Referrals);
}
