using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>
/// Writes an <see cref="EvalReport"/> as exactly
/// <c>{"total","correct","accuracy","labels":{label:{"total","correct"}},"predictions":[{"message","expected","predicted","confidence"}]}</c>.
/// </summary>
public static class EvalJsonWriter
{
    public static string ToJson(EvalReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(EvalReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        // Vietnamese stays readable in the file instead of \uXXXX escapes; the file is data, not HTML.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("total", report.Total);
        json.WriteNumber("correct", report.Correct);
        json.WriteNumber("accuracy", Math.Round(report.Accuracy, 4));
        json.WriteStartObject("labels");
        foreach (var (label, stats) in report.Labels)
        {
            json.WriteStartObject(label);
            json.WriteNumber("total", stats.Total);
            json.WriteNumber("correct", stats.Correct);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("predictions");
        foreach (var p in report.Predictions)
        {
            json.WriteStartObject();
            json.WriteString("message", p.Message);
            json.WriteString("expected", p.Expected);
            json.WriteString("predicted", p.Predicted);
            json.WriteNumber("confidence", Math.Round(p.Confidence, 4));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
