using System.Globalization;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Benchmarks;

/// <summary><c>--set Name=Value</c> arguments applied to <see cref="RecognizerOptions"/> (to compare variants from the command line).</summary>
public static class OptionOverrides
{
    public static RecognizerOptions Apply(IReadOnlyList<string> args)
    {
        var options = new RecognizerOptions();
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] != "--set")
            {
                continue;
            }

            var (name, value) = (args[i + 1].Split('=')[0], args[i + 1].Split('=')[1]);
            var property = typeof(RecognizerOptions).GetProperty(name) ?? throw new ArgumentException($"No option {name}");
            property.SetValue(options, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        }

        options.Validate();
        return options;
    }

    /// <summary>The overrides as written, for a report's heading ("default" when none).</summary>
    public static string Describe(IReadOnlyList<string> args)
    {
        var sets = args.Where((a, i) => i > 0 && args[i - 1] == "--set").ToList();
        return sets.Count == 0 ? "default options" : string.Join(' ', sets);
    }
}
