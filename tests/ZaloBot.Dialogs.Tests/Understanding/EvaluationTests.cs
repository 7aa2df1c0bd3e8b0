using System.Text.Json;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Dialogs.Understanding.Evaluation;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class EvaluationTests
{
    /// <summary>Answers from a fixed table; unknown messages get "none".</summary>
    private sealed class TableRecognizer(Dictionary<string, string> table) : IRecognizer
    {
        public Recognition Recognize(string message) => table.TryGetValue(message, out var label)
            ? new Recognition(RecognitionDecision.Answer, [new RecognitionCandidate(label, 0.9)])
            : new Recognition(RecognitionDecision.None, [new RecognitionCandidate("dang-ky-khai-sinh", 0.1)]);
    }

    private static readonly TableRecognizer Recognizer = new(new Dictionary<string, string>
    {
        ["khai sinh"] = "dang-ky-khai-sinh",
        ["kết hôn"] = "dang-ky-khai-sinh",
        ["hộ chiếu"] = "dang-ky-ket-hon",
    });

    private static readonly string[] Lines =
    [
        "khai sinh\tdang-ky-khai-sinh",
        "kết hôn\tdang-ky-ket-hon",
        "",
        "giá vàng\tnone",
        "hộ chiếu\tnone",
        "xin chào\tintent:greeting",
    ];

    [Test]
    public void Run_CountsOverallPerLabelAndNone()
    {
        var report = Evaluator.Run(Recognizer, Lines);

        Assert.That(report.Total, Is.EqualTo(5));
        Assert.That(report.Correct, Is.EqualTo(2));
        Assert.That(report.Accuracy, Is.EqualTo(0.4));
        Assert.That(report.Labels["none"], Is.EqualTo(new EvalLabelStats(2, 1)));
        Assert.That(report.Labels["dang-ky-ket-hon"], Is.EqualTo(new EvalLabelStats(1, 0)));
        Assert.That(report.NoneRecall, Is.EqualTo(0.5));
        Assert.That(report.NonePrecision, Is.EqualTo(0.5));
        Assert.That(report.ConfidentOutOfScopeErrors, Is.EqualTo(1));
        Assert.That(report.Confusions(10), Has.Count.EqualTo(3));
    }

    [Test]
    public void ToJson_HasExactlyTheAgreedShape()
    {
        using var json = JsonDocument.Parse(EvalJsonWriter.ToJson(Evaluator.Run(Recognizer, Lines)));
        var root = json.RootElement;

        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "total", "correct", "accuracy", "labels", "predictions" }));
        Assert.That(root.GetProperty("total").GetInt32(), Is.EqualTo(5));
        Assert.That(root.GetProperty("correct").GetInt32(), Is.EqualTo(2));
        Assert.That(root.GetProperty("accuracy").GetDouble(), Is.EqualTo(0.4));
        var none = root.GetProperty("labels").GetProperty("none");
        Assert.That(none.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "total", "correct" }));
        Assert.That(none.GetProperty("total").GetInt32(), Is.EqualTo(2));
        var first = root.GetProperty("predictions")[0];
        Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "message", "expected", "predicted", "confidence" }));
        Assert.That(first.GetProperty("message").GetString(), Is.EqualTo("khai sinh"));
        Assert.That(first.GetProperty("predicted").GetString(), Is.EqualTo("dang-ky-khai-sinh"));
        Assert.That(first.GetProperty("confidence").GetDouble(), Is.EqualTo(0.9));
        Assert.That(root.GetProperty("predictions")[2].GetProperty("predicted").GetString(), Is.EqualTo("none"));
    }

    [Test]
    public void Run_MalformedLine_ThrowsWithLineNumber()
    {
        Assert.That(() => Evaluator.Run(Recognizer, ["ok\tnone", "no tab here"]), Throws.TypeOf<FormatException>().With.Message.Contains("Line 2"));
    }

    [Test]
    public void EvalCommand_WritesReportAndJson_ExitZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"eval-{Guid.NewGuid():N}.json");
        using var output = new StringWriter();
        try
        {
            var exit = EvalCommand.Run(Recognizer, Lines, output, path);

            Assert.That(exit, Is.Zero);
            Assert.That(output.ToString(), Does.Contain("accuracy 2/5 = 40.0 %"));
            Assert.That(output.ToString(), Does.Contain("none: precision 50.0 %, recall 50.0 %"));
            Assert.That(JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("total").GetInt32(), Is.EqualTo(5));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void EvalCommand_MalformedInput_ExitTwo()
    {
        using var output = new StringWriter();

        Assert.That(EvalCommand.Run(Recognizer, ["only one field"], output, null), Is.EqualTo(2));
    }
}
