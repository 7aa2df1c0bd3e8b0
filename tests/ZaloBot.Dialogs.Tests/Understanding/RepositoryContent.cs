using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

/// <summary>The real content/*.yaml of the repository, found by walking up from the test directory.</summary>
internal static class RepositoryContent
{
    private static readonly Lazy<string> Directory = new(FindContentDirectory);
    private static readonly Lazy<RecognizerIndex> Index = new(() =>
        RecognizerIndex.Build(Faq(), Intents(), Abbreviations(), new RecognizerOptions(), Concepts(), Referrals()));

    public static string ContentDirectory => Directory.Value;

    public static RecognizerIndex Recognizer => Index.Value;

    public static IReadOnlyList<FaqEntry> Faq() => FaqContent.Parse(Read("faq.yaml"));

    public static IntentContent Intents() => IntentContent.Parse(Read("intents.yaml"));

    public static AbbreviationDictionary Abbreviations() => AbbreviationDictionary.Parse(Read("abbreviations.yaml"));

    public static ConceptThesaurus Concepts() => ConceptThesaurus.Parse(Read("concepts.yaml"));

    public static IReadOnlyList<ReferralEntry> Referrals() => ReferralContent.Parse(Read("referrals.yaml"));

    private static string Read(string file) => File.ReadAllText(Path.Combine(ContentDirectory, file));

    private static string FindContentDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, "faq.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("content/faq.yaml not found above the test directory.");
    }
}
