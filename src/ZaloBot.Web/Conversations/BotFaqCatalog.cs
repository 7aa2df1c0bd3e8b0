using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Faq;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// The published FAQ answers, from the snapshot the recognizer was built from (<see cref="LiveRecognizer"/>): the
/// entry the bot recognised and the answer it gives come from the same edit, and answering needs no query. An admin's
/// edit reaches every instance with the index rebuild it triggers (about a second, <see cref="FaqIndexWorker"/>).
/// </summary>
public sealed class BotFaqCatalog(LiveRecognizer recognizer) : IFaqCatalog
{
    public Task<FaqAnswer?> FindAsync(string slug, CancellationToken cancellationToken) => Task.FromResult(recognizer.FindAnswer(slug));
}
