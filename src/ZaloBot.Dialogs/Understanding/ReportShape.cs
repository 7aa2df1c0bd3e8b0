namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// The shape of a message as seen through its concepts (<see cref="ConceptThesaurus"/> kinds): does it name an
/// object or place (<c>object.*</c>), a problem predicate (<c>problem.*</c>), a time span ("mấy ngày nay",
/// <c>span.*</c>), a question (<c>ask.*</c>), another agency's business (<c>referral.*</c>), a wish to complain
/// (<c>act.complain</c>)? A report of a local
/// problem is an object + a problem, often with a span, and no question: that conjunction is a feature of its own,
/// so a report with words no exemplar has still looks like the reports the recognizer knows.
/// </summary>
internal readonly record struct ReportShape(float Object, float Problem, float Span, float Ask, float Referral, float Complain, float Topic = 0)
{
    /// <summary>The kind of a concept name ("problem.broken" → <see cref="ConceptKind.Problem"/>).</summary>
    public static ConceptKind KindOf(string concept) => concept[..Math.Max(0, concept.IndexOf('.', StringComparison.Ordinal))] switch
    {
        "object" => ConceptKind.Object,
        "problem" => ConceptKind.Problem,
        "span" => ConceptKind.Span,
        "ask" => ConceptKind.Ask,
        "referral" => ConceptKind.Referral,
        "act" when concept == "act.complain" => ConceptKind.Complain,
        "topic" => ConceptKind.Topic,
        _ => ConceptKind.Other,
    };

    public ReportShape With(ConceptKind kind, float weight) => kind switch
    {
        ConceptKind.Object => this with { Object = Math.Max(Object, weight) },
        ConceptKind.Problem => this with { Problem = Math.Max(Problem, weight) },
        ConceptKind.Span => this with { Span = Math.Max(Span, weight) },
        ConceptKind.Ask => this with { Ask = Math.Max(Ask, weight) },
        ConceptKind.Referral => this with { Referral = Math.Max(Referral, weight) },
        ConceptKind.Complain => this with { Complain = Math.Max(Complain, weight) },
        ConceptKind.Topic => this with { Topic = Math.Max(Topic, weight) },
        _ => this,
    };

    /// <summary>
    /// A problem predicate with an object/place, a procedure (<c>topic.*</c>: a complaint about a procedure names it as
    /// its object) or a time span: 1 without a question word, 0.5 with one (a report that also asks "where do I send
    /// this?"); a problem predicate alone, stated without a question ("bắt photo hộ khẩu trong khi đã bỏ sổ"), 0.5;
    /// otherwise 0.
    /// </summary>
    public float Report => Problem <= 0 ? 0f
        : Object > 0 || Span > 0 || Topic > 0 ? (Ask > 0 ? 0.5f : 1f)
        : Ask > 0 ? 0f : 0.5f;

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

        if (Topic > 0 && (Problem > 0 || Complain > 0) && Ask == 0)
        {
            // A procedure named in a statement of a problem or a wish to complain ("kiến nghị đơn giản hóa giấy tờ khi
            // đăng ký hộ kinh doanh", "chứng thực hai lần vẫn chưa xong"): a complaint about the procedure, not a
            // question about it (LABELING.md rule 2).
            add("shape:procedure-complaint", Math.Min(Topic, Math.Max(Problem, Complain)));
        }

        if (Complain > 0)
        {
            // "Tôi muốn phản ánh…" / "kiến nghị đơn giản hóa…" sends feedback; "phản ánh ở đâu?" asks how to.
            add(Ask > 0 ? "shape:complain-ask" : "shape:complain-statement", Complain);
        }

        if (Referral > 0)
        {
            add(Ask > 0 ? "shape:referral-ask" : "shape:referral", Referral);
            // Another agency's word inside a procedure of the office ("sao y căn cước", "dùng VNeID đăng nhập dịch
            // vụ công") or inside a complaint ("bắt photo hộ khẩu"): not the other agency's business.
            if (Topic > 0)
            {
                add("shape:referral-topic", Math.Min(Referral, Topic));
            }

            if (Problem > 0)
            {
                add("shape:referral-problem", Math.Min(Referral, Problem));
            }
        }
    }
}
