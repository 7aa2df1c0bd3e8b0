namespace ZaloBot.Bench.Faults;

/// <summary>
/// One scenario's count. Every event comes from a new citizen whose first message gets the bot's greeting of
/// <c>k</c> messages: answered = citizens with all k, lost = sent − answered, doubled = citizens who got more than k
/// (all of it bot replies, marked safe to repeat), resent = the outbox's own count of resends after an unknown outcome.
/// </summary>
public sealed record ScenarioResult(
    string Name, int Sent, int Answered, int Doubled, int ExtraMessages, int Resent, int Held, int Failed, int DeadLetters,
    int Non200, TimeSpan Duration, string Note)
{
    public int Lost => Sent - Answered;

    public string Row() =>
        $"| {Name} | {Sent} | {Answered} | **{Lost}** | {Doubled} ({ExtraMessages} msgs) | {Resent} | {Held} | {Failed} | {DeadLetters} | {Non200} | {Duration.TotalSeconds:F0} s | {Note} |";
}
