using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Faq;

/// <summary>
/// The understanding content that is configuration rather than admin-edited data: intent phrasings,
/// out-of-scope exemplars (content/intents.yaml) and the shorthand dictionary (content/abbreviations.yaml).
/// </summary>
public sealed class FaqContentFiles(IOptions<ServiceOptions> service)
{
    private readonly Lazy<IntentContent> _intents = new(() => IntentContent.Parse(Read(service.Value, "intents.yaml")));
    private readonly Lazy<AbbreviationDictionary> _abbreviations = new(() => AbbreviationDictionary.Parse(Read(service.Value, "abbreviations.yaml")));

    public IntentContent Intents => _intents.Value;

    public AbbreviationDictionary Abbreviations => _abbreviations.Value;

    public string FaqYamlPath => Path.Combine(service.Value.ContentDirectory, "faq.yaml");

    private static string Read(ServiceOptions options, string file) => File.ReadAllText(Path.Combine(options.ContentDirectory, file));
}
