using System.Net.Http.Json;
using System.Text.Json;

namespace ZaloBot.Bench.Faults;

/// <summary>The fake Zalo process's control endpoints: what it accepted per user, faults, limits, tokens.</summary>
public sealed class FakeZaloControl(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    public async Task PostAsync(string path) => (await _http.PostAsync("/fake-zalo/_control/" + path, null)).EnsureSuccessStatusCode();

    public async Task<(string Access, string Refresh)> IssueTokensAsync()
    {
        using var response = await _http.PostAsync("/fake-zalo/_control/tokens", null);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("access_token").GetString()!, doc.RootElement.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>Every message accepted, as (user, text, sent at), oldest first.</summary>
    public async Task<IReadOnlyList<(string User, string Text, DateTimeOffset SentAt)>> MessagesAsync()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/fake-zalo/_control/messages"));
        return [.. doc.RootElement.EnumerateArray().Select(m => (
            m.GetProperty("userId").GetString()!,
            m.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "",
            m.GetProperty("sentAt").GetDateTimeOffset()))];
    }

    public async Task<int> RateLimitedAsync()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/fake-zalo/_control/stats"));
        return doc.RootElement.GetProperty("rate_limited").GetInt32();
    }

    public async Task<bool> IsUpAsync()
    {
        try
        {
            using var response = await _http.GetAsync("/");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
