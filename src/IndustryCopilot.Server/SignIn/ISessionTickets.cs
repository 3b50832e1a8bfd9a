using Microsoft.AspNetCore.Authentication.Cookies;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// People's sessions kept on the server: the cookie carries only a random session id, the ticket (claims, times) stays
/// in the store, encrypted with the data-protection keys. So a session ends for every copy of its cookie at once — on
/// sign-out, when a refresh finds the person gone or unmapped, or when an admin ends a person's sessions (OWASP ASVS
/// 4.0 V3.3.1). <see cref="SqliteSessionTickets"/> keeps them for one server, <see cref="PostgresSessionTickets"/>
/// for every replica of a group (a session begun on one is valid on all; ended on one, it is ended on all).
/// </summary>
internal interface ISessionTickets : ITicketStore
{
    /// <summary>Ends every session of a person (subject <c>ldap:…</c> or <c>oidc:…</c>); returns how many there were.</summary>
    Task<int> EndAllAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>The live sessions, one row per session, newest first.</summary>
    Task<IReadOnlyList<KeptSession>> ListAsync(CancellationToken cancellationToken = default);
}
