using System.Text.RegularExpressions;

namespace ZaloBot.Dialogs.Faq;

/// <summary>Reads <c>content/referrals.yaml</c>: <c>referrals: [{ key, topic, keywords, reply, needs_review }]</c>.</summary>
public static partial class ReferralContent
{
    public static IReadOnlyList<ReferralEntry> Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var file = ContentYaml.Deserialize<ReferralFile>(yaml, "referrals.yaml");

        var entries = new List<ReferralEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in file?.Referrals ?? [])
        {
            var key = (document.Key ?? string.Empty).Trim();
            if (!KeyPattern().IsMatch(key) || !keys.Add(key))
            {
                throw new FormatException($"Referral key '{key}' must be unique, lower case letters, digits and dashes.");
            }

            var keywords = (document.Keywords ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).ToList();
            var reply = (document.Reply ?? string.Empty).Trim();
            if (keywords.Count == 0 || reply.Length == 0 || reply.Length > FaqContent.MaxAnswerLength)
            {
                throw new FormatException($"Referral '{key}' needs keywords and a reply of at most {FaqContent.MaxAnswerLength} characters.");
            }

            entries.Add(new ReferralEntry(key, (document.Topic ?? key).Trim(), keywords, reply, document.NeedsReview));
        }

        return entries;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    private sealed class ReferralFile
    {
        public List<ReferralDocument>? Referrals { get; set; }
    }

    private sealed class ReferralDocument
    {
        public string? Key { get; set; }
        public string? Topic { get; set; }
        public List<string>? Keywords { get; set; }
        public string? Reply { get; set; }
        public bool NeedsReview { get; set; }
    }
}
