using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Fake;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Web.Dev;

/// <summary>
/// Development only: the fake Zalo forgets its tokens on every start, so issue a fresh pair from it and store it
/// (as an OA admin would with the API Explorer), replacing whatever an earlier run left.
/// </summary>
public sealed class DevTokenSeeder(
    FakeZaloState fake,
    IZaloTokenStore store,
    IOptions<ZaloTokenOptions> tokens,
    ZaloAccessTokenProvider provider,
    ILogger<DevTokenSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var oaId = tokens.Value.OaId;
            var current = await store.GetAsync(oaId, cancellationToken);
            var fresh = fake.IssueTokens();
            if (!await store.TryReplaceAsync(oaId, current?.RefreshToken, fresh, cancellationToken))
            {
                logger.LogWarning("Dev token seeding lost a race; another instance stored a pair");
            }

            // Read it once so the token status (and /health/ready) reflects the stored pair right away.
            await provider.GetAccessTokenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Dev token seeding failed ({Error}); is the database migrated?", ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
