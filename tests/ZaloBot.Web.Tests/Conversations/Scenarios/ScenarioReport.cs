using System.Globalization;
using System.Text;

namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>The suite's figures: scenarios passed, and turns-to-ticket (citizen messages after the first, the confirmation included).</summary>
public static class ScenarioReport
{
    public static string Format(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            var turns = result.TurnsToTicket is { } n ? $" ticket after {n} more turn(s)" : "";
            text.Append(CultureInfo.InvariantCulture, $"{(result.Passed ? "PASS" : "FAIL")}  {result.Scenario.File}: {result.Scenario.Name} ({result.Turns} messages){turns}\n");
            foreach (var failure in result.Failures)
            {
                text.Append("        - ").Append(failure).Append('\n');
            }
        }

        var wanted = results.Where(r => r.Scenario.Expect.Ticket is not null).ToList();
        var filed = wanted.Where(r => r.TurnsToTicket is not null).Select(r => r.TurnsToTicket!.Value).Order().ToList();
        text.Append(CultureInfo.InvariantCulture, $"\nScenarios: {results.Count(r => r.Passed)}/{results.Count} passed\n");
        text.Append(CultureInfo.InvariantCulture, $"Tickets expected: {wanted.Count}, filed: {filed.Count}, stranded: {wanted.Count - filed.Count}\n");
        text.Append(filed.Count == 0
            ? "Turns to ticket: none filed\n"
            : string.Create(CultureInfo.InvariantCulture, $"Turns to ticket (after the first message): median {Median(filed)}, max {filed[^1]}\n"));
        return text.ToString();
    }

    public static double Median(IReadOnlyList<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
}
