namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// The shape of a message as seen through its concepts (<see cref="ConceptThesaurus"/> kinds): does it name an
/// object or place (<c>object.*</c>), a problem predicate (<c>problem.*</c>), a time span ("mấy ngày nay",
/// <c>span.*</c>), a question (<c>ask.*</c>), another agency's business (<c>referral.*</c>)? A report of a local
/// problem is an object + a problem, often with a span, and no question: that conjunction is a feature of its own,
/// so a report with words no exemplar has still looks like the reports the recognizer knows.
/// </summary>
internal readonly record struct ReportShape(float Object, float Problem, float Span, float Ask, float Referral)
{
    public ReportShape With(string concept, float weight) => concept[..concept.IndexOf('.', StringComparison.Ordinal)] switch
    {
        "object" => this with { Object = Math.Max(Object, weight) },
        "problem" => this with { Problem = Math.Max(Problem, weight) },
        "span" => this with { Span = Math.Max(Span, weight) },
        "ask" => this with { Ask = Math.Max(Ask, weight) },
        "referral" => this with { Referral = Math.Max(Referral, weight) },
        _ => this,
    };

    /// <summary>Emits the shape features (names starting with "shape:") with their weights.</summary>
    public void AddFeatures(Action<string, float> add)
    {
        if (Object > 0 && Problem > 0)
        {
            add(Ask > 0 ? "shape:object-problem-ask" : "shape:report", Math.Min(Object, Problem));
        }

        if (Problem > 0 && Ask == 0)
        {
            add("shape:problem-statement", Problem);
        }

        if (Problem > 0 && Span > 0)
        {
            add("shape:problem-span", Math.Min(Problem, Span));
        }

        if (Referral > 0)
        {
            add(Ask > 0 ? "shape:referral-ask" : "shape:referral", Referral);
        }
    }
}
