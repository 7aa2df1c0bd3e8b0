namespace ZaloBot.Web.OaConnection;

/// <summary>What a connect attempt came to; the console shows each in Vietnamese (Console/Oa).</summary>
public enum OaConnectOutcome
{
    Connected,

    /// <summary>The consent state cookie is missing, expired or does not match <c>state</c> (or the code is absent).</summary>
    InvalidState,

    /// <summary>The OA admin chose another OA than <c>Zalo:Tokens:OaId</c>.</summary>
    WrongOa,

    /// <summary>Zalo refused the code exchange (expired or reused code, wrong verifier, app secret).</summary>
    ExchangeFailed,

    /// <summary>The pair could not be stored (database); nothing was saved, consent again.</summary>
    StoreFailed,
}
