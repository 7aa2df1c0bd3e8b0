using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Notifications;

/// <summary>Subjects and bodies of the staff e-mails and the staff Zalo notices, from <c>content/mail.vi.yaml</c>; a missing one fails at load.</summary>
public sealed class MailTexts
{
    public string AssignedSubject { get; set; } = "";
    public string AssignedBody { get; set; } = "";
    public string DueSubject { get; set; } = "";
    public string DueBody { get; set; } = "";
    public string DigestSubject { get; set; } = "";
    public string DigestBody { get; set; } = "";
    public string ZaloAssigned { get; set; } = "";
    public string ZaloDue { get; set; } = "";
    public string ZaloButton { get; set; } = "";

    public static MailTexts Parse(string yaml)
    {
        var texts = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<MailTexts>(yaml)
            ?? throw new InvalidDataException("mail.vi.yaml is empty");
        var missing = typeof(MailTexts).GetProperties().Where(p => p.PropertyType == typeof(string) && string.IsNullOrWhiteSpace((string?)p.GetValue(texts))).Select(p => p.Name).ToList();
        return missing.Count == 0 ? texts : throw new InvalidDataException("mail.vi.yaml lacks: " + string.Join(", ", missing));
    }

    public static MailTexts Load(string contentDirectory) => Parse(File.ReadAllText(Path.Combine(contentDirectory, "mail.vi.yaml")));

    public static string Fill(string template, params (string Name, object? Value)[] values) => ContentFile.Fill(template, values);
}
