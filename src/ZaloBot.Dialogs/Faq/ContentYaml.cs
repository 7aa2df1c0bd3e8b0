using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Dialogs.Faq;

/// <summary>Reads a content file (snake_case keys); a YAML syntax error becomes a <see cref="FormatException"/> naming the file.</summary>
internal static class ContentYaml
{
    public static T? Deserialize<T>(string yaml, string fileName)
        where T : class
    {
        try
        {
            return new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build()
                .Deserialize<T?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{fileName}: {ex.Message}", ex);
        }
    }
}
