namespace ZaloBot.Zalo.Api;

/// <summary>A value, or a classified <see cref="ZaloError"/>. Never both.</summary>
public sealed record ZaloApiResult<T>
{
    public T? Value { get; init; }

    public ZaloError? Error { get; init; }

    public bool IsSuccess => Error is null;

    internal static ZaloApiResult<T> Success(T value) => new() { Value = value };

    internal static ZaloApiResult<T> Failure(ZaloError error) => new() { Error = error };
}
