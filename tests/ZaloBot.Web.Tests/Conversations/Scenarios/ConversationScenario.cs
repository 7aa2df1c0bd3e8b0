using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>
/// One multi-turn conversation of the scenario suite (<c>tests/conversations/*.yaml</c>): what the citizen says, how
/// they answer the bot's questions, and what must be true afterwards. Played through the real pipeline by
/// <see cref="ScenarioRunner"/>.
/// </summary>
public sealed class ConversationScenario
{
    public string Name { get; set; } = "";

    /// <summary>What the citizen wants: the answers they give when asked (category code, ward code, description).</summary>
    public ScenarioCitizen Citizen { get; set; } = new();

    public List<ScenarioStep> Steps { get; set; } = [];

    public ScenarioOutcome Expect { get; set; } = new();

    /// <summary>Set by <see cref="Load"/>: the file the scenario came from.</summary>
    [YamlIgnore]
    public string File { get; set; } = "";

    public static IReadOnlyList<ConversationScenario> Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        List<ConversationScenario> scenarios;
        try
        {
            scenarios = deserializer.Deserialize<List<ConversationScenario>>(System.IO.File.ReadAllText(path)) ?? [];
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        foreach (var scenario in scenarios)
        {
            scenario.File = Path.GetFileName(path);
            if (string.IsNullOrWhiteSpace(scenario.Name) || scenario.Steps.Count == 0)
            {
                throw new InvalidDataException($"{path}: every scenario needs a name and at least one step");
            }
        }

        return scenarios;
    }
}
