namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// Counts failed sign-ins per user name and per client address; past <c>Auth:MaxFailuresPerUser</c> /
/// <c>MaxFailuresPerAddress</c> within <c>LockoutMinutes</c>, further attempts are refused without asking the
/// directory (which would otherwise lock the AD account itself, or let a password be guessed). Names are counted in
/// the form the directory compares them (<see cref="UserName.Canonical"/>), so look-alike spellings share one count.
/// <see cref="MemorySignInThrottle"/> counts for one server; <see cref="PostgresSignInThrottle"/> for the whole group,
/// so N servers do not give a guesser N times the attempts.
/// </summary>
internal interface ISignInThrottle
{
    /// <summary>When a locked-out caller may try again, or null when it may try now.</summary>
    Task<DateTimeOffset?> LockedUntilAsync(string userName, string address, CancellationToken cancellationToken = default);

    Task FailedAsync(string userName, string address, CancellationToken cancellationToken = default);

    /// <summary>A successful sign-in clears the user's failures (not the address's: one right password must not reset a spray).</summary>
    Task SucceededAsync(string userName, CancellationToken cancellationToken = default);
}
