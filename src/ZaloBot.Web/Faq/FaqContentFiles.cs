using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Faq;

/// <summary>
/// The understanding content that is configuration rather than admin-edited data: intent phrasings,
/// out-of-scope exemplars (content/intents.yaml), the shorthand dictionary (content/abbreviations.yaml), the
/// concept thesaurus (content/concepts.yaml) and the referral table (content/referrals.yaml).
/// </summary>
public sealed class FaqContentFiles(IOptions<ServiceOptions> service)
{
    private readonly Lazy<IntentContent> _intents = new(() => IntentContent.Parse(Read(service.Value, "intents.yaml")));
    private readonly Lazy<AbbreviationDictionary> _abbreviations = new(() => AbbreviationDictionary.Parse(Read(service.Value, "abbreviations.yaml")));
    private readonly Lazy<ConceptThesaurus> _concepts = new(() => ConceptThesaurus.Parse(Read(service.Value, "concepts.yaml")));
    private readonly Lazy<IReadOnlyList<ReferralEntry>> _referrals = new(() => ReferralContent.Parse(Read(service.Value, "referrals.yaml")));

    public IntentContent Intents => _intents.Value;

    public AbbreviationDictionary Abbreviations => _abbreviations.Value;

    /// <summary>Synonyms, regional and English words mapped to concepts (content/concepts.yaml).</summary>
    public ConceptThesaurus Concepts => _concepts.Value;

    /// <summary>Who handles other agencies' business (content/referrals.yaml).</summary>
    public IReadOnlyList<ReferralEntry> Referrals => _referrals.Value;

    public string FaqYamlPath => Path.Combine(service.Value.ContentDirectory, "faq.yaml");

    private static string Read(ServiceOptions options, string file) => File.ReadAllText(Path.Combine(options.ContentDirectory, file));
}
