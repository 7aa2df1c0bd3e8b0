namespace ZaloBot.Web.Media;

/// <summary>A media URL the fetcher will not follow (address, host, redirect, size or type); the photo is skipped.</summary>
public sealed class MediaRefusedException(string reason) : Exception(reason);
