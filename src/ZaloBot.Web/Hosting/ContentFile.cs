using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Web.Hosting;

/// <summary>
/// Reads the typed text files of content/ (tickets.vi.yaml, console.vi.yaml): snake_case keys onto properties, an
/// unknown key fails (a typo is not silently ignored), an empty text fails, and a section keyed by an enum must have
/// exactly one text per value. The services load them at start-up (<see cref="ContentCheck"/>), so a bad file stops
/// the deploy instead of showing a blank to staff.
/// </summary>
public static class ContentFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    public static T Load<T>(string contentDirectory, string fileName) where T : class =>
        Parse<T>(File.ReadAllText(Path.Combine(contentDirectory, fileName)), fileName);

    /// <summary>Deserialises <paramref name="yaml"/> and checks that every string property has a text.</summary>
    public static T Parse<T>(string yaml, string fileName) where T : class
    {
        T? texts;
        try
        {
            texts = Deserializer.Deserialize<T>(yaml);
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{fileName}: {ex.Message}", ex);
        }

        if (texts is null)
        {
            throw new InvalidDataException($"{fileName} is empty.");
        }

        var missing = typeof(T).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && string.IsNullOrWhiteSpace((string?)p.GetValue(texts)))
            .Select(p => Key(p.Name)).ToList();
        return missing.Count == 0 ? texts : throw new InvalidDataException($"{fileName} lacks: {string.Join(", ", missing)}.");
    }

    /// <summary>The section's texts by enum value; fails naming every missing or unknown key.</summary>
    public static IReadOnlyDictionary<TEnum, string> ByEnum<TEnum>(IReadOnlyDictionary<string, string>? section, string sectionName, string fileName)
        where TEnum : struct, Enum
    {
        section ??= new Dictionary<string, string>();
        var expected = Enum.GetValues<TEnum>().ToDictionary(v => Key(v.ToString()), v => v);
        var missing = expected.Keys.Where(k => !section.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        var unknown = section.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidDataException(
                $"{fileName}, {sectionName}: missing [{string.Join(", ", missing)}], unknown [{string.Join(", ", unknown)}].");
        }

        return expected.ToDictionary(e => e.Value, e => section[e.Key]);
    }

    /// <summary>Replaces each {name} placeholder of <paramref name="template"/>.</summary>
    public static string Fill(string template, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(template);
        var builder = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return builder.ToString();
    }

    /// <summary>The YAML key of a property or enum value: InProgress → in_progress.</summary>
    public static string Key(string name) => UnderscoredNamingConvention.Instance.Apply(name);
}
