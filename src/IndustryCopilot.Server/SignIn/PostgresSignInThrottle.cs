using IndustryCopilot.Hosting.Store;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Sign-in failures counted in the shared PostgreSQL database, for every server of the group; see
/// <see cref="ISignInThrottle"/>. Failures older than the window are deleted as new ones come.
/// </summary>
internal sealed class PostgresSignInThrottle(PostgresStore store, AuthOptions options, TimeProvider time) : ISignInThrottle
{
    private TimeSpan Window => TimeSpan.FromMinutes(options.LockoutMinutes);

    public async Task<DateTimeOffset?> LockedUntilAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var user = LockoutWindow.Until(await RecentAsync("user:" + UserName.Canonical(userName), options.MaxFailuresPerUser, now, cancellationToken).ConfigureAwait(false), options.MaxFailuresPerUser, Window);
        var client = LockoutWindow.Until(await RecentAsync("addr:" + address, options.MaxFailuresPerAddress, now, cancellationToken).ConfigureAwait(false), options.MaxFailuresPerAddress, Window);
        return LockoutWindow.Later(user, client);
    }

    public async Task FailedAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("""
            DELETE FROM sign_in_failures WHERE at <= @expired;
            INSERT INTO sign_in_failures (key, at) VALUES (@user, @now), (@address, @now);
            """);
        command.Parameters.AddWithValue("expired", now - Window);
        command.Parameters.AddWithValue("user", "user:" + UserName.Canonical(userName));
        command.Parameters.AddWithValue("address", "addr:" + address);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SucceededAsync(string userName, CancellationToken cancellationToken = default)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("DELETE FROM sign_in_failures WHERE key = @user");
        command.Parameters.AddWithValue("user", "user:" + UserName.Canonical(userName));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<DateTimeOffset>> RecentAsync(string key, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = await store.ReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = source.CreateCommand("SELECT at FROM sign_in_failures WHERE key = @key AND at > @from ORDER BY at DESC LIMIT @limit");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("from", (now - Window).ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var times = new List<DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            times.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }

        return times;
    }
}
