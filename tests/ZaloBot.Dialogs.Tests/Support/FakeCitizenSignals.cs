using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Tests.Support;

internal sealed class FakeCitizenSignals : ICitizenSignals
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public List<string> Unanswered { get; } = [];

    public List<(string Slug, bool Helpful)> Votes { get; } = [];

    public List<string> DeletionRequests { get; } = [];

    public Task RecordUnansweredQuestionAsync(string zaloUserId, string question, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (_keys.Add(idempotencyKey))
        {
            Unanswered.Add(question);
        }

        return Task.CompletedTask;
    }

    public Task RecordFaqVoteAsync(string zaloUserId, string slug, bool helpful, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (_keys.Add(idempotencyKey))
        {
            Votes.Add((slug, helpful));
        }

        return Task.CompletedTask;
    }

    public Task RecordDeletionRequestAsync(string zaloUserId, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (_keys.Add(idempotencyKey))
        {
            DeletionRequests.Add(zaloUserId);
        }

        return Task.CompletedTask;
    }
}
