namespace ZaloBot.Zalo.Api;

/// <summary>The fields of <c>v2.0/oa/getoa</c> we show. The id is read from <c>oa_id</c> or <c>oaid</c> (sources disagree).</summary>
public sealed record ZaloOaInfo(string OaId, string? Name);
