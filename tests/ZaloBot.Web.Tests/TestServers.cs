using Npgsql;
using StackExchange.Redis;

namespace ZaloBot.Web.Tests;

/// <summary>
/// The real PostgreSQL and Redis that `./zalobot test` starts. Addresses come from the environment;
/// when they are unreachable the run fails with a clear message (never skipped).
/// </summary>
[SetUpFixture]
public sealed class TestServers
{
    /// <summary>Connection string to the server's maintenance database (used to create and drop test databases).</summary>
    public static string PostgresAdmin { get; private set; } = "";

    public static string Redis { get; private set; } = "";

    public static ConnectionMultiplexer RedisConnection { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        PostgresAdmin = Environment.GetEnvironmentVariable("ZALOBOT_TEST_POSTGRES")
            ?? "Host=127.0.0.1;Port=55433;Username=zalobot;Password=zalobot-dev;Database=postgres";
        Redis = Environment.GetEnvironmentVariable("ZALOBOT_TEST_REDIS") ?? "127.0.0.1:56380";
        try
        {
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            Assert.Fail($"PostgreSQL is not reachable at '{Redact(PostgresAdmin)}': {ex.Message}. Run the tests with ./zalobot test, which starts it.");
        }

        try
        {
            RedisConnection = await ConnectionMultiplexer.ConnectAsync(Redis + ",abortConnect=true,connectTimeout=3000");
        }
        catch (RedisConnectionException ex)
        {
            Assert.Fail($"Redis is not reachable at '{Redis}': {ex.Message}. Run the tests with ./zalobot test, which starts it.");
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (RedisConnection is not null)
        {
            await RedisConnection.DisposeAsync();
        }
    }

    private static string Redact(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = "***" }.ConnectionString;
}
