using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class RecognizerOptionsTests
{
    [Test]
    public void Validate_Defaults_Pass()
    {
        Assert.That(() => new RecognizerOptions().Validate(), Throws.Nothing);
    }

    private static IEnumerable<TestCaseData> InvalidOptions()
    {
        yield return new TestCaseData(new RecognizerOptions { AnswerThreshold = 1.0 }).SetName("Validate_AnswerThresholdOne_Throws");
        yield return new TestCaseData(new RecognizerOptions { ClarifyThreshold = 0 }).SetName("Validate_ClarifyThresholdZero_Throws");
        yield return new TestCaseData(new RecognizerOptions { ClarifyThreshold = 0.7, AnswerThreshold = 0.6 }).SetName("Validate_ClarifyAboveAnswer_Throws");
        yield return new TestCaseData(new RecognizerOptions { MaxCandidates = 0 }).SetName("Validate_NoCandidates_Throws");
        yield return new TestCaseData(new RecognizerOptions { ContextSentenceWeight = 1.5 }).SetName("Validate_ContextWeightAboveOne_Throws");
        yield return new TestCaseData(new RecognizerOptions { CentroidWeight = -0.1 }).SetName("Validate_NegativeCentroidWeight_Throws");
        yield return new TestCaseData(new RecognizerOptions { MaxFeatureDocumentRatio = 0 }).SetName("Validate_ZeroFeatureRatio_Throws");
        yield return new TestCaseData(new RecognizerOptions { MaxPostingsPerFeature = 5 }).SetName("Validate_TinyPostingCap_Throws");
        yield return new TestCaseData(new RecognizerOptions { OutOfScopeWeight = 0 }).SetName("Validate_ZeroOutOfScopeWeight_Throws");
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void Validate_OutOfRange_Throws(RecognizerOptions options)
    {
        Assert.That(options.Validate, Throws.ArgumentException);
    }
}
