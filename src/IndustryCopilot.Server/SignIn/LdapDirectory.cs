using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Net;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// The plant's directory over LDAP: finds a user's entry with the service account, checks the password by binding as
/// that entry, and reads the entry's groups. Every value put into a filter is escaped. Passwords are never logged.
/// </summary>
internal sealed partial class LdapDirectory(LdapOptions options, ILogger<LdapDirectory> log)
{
    private const int InvalidCredentials = 49;
    private const int NoSuchObject = 32;
    private const int MaxNesting = 8;

    /// <summary>The person when the name and password are right; null when they are not (unknown user, wrong password, disabled account).</summary>
    public Task<DirectoryPerson?> SignInAsync(string userName, string password, CancellationToken cancellationToken) =>
        Task.Run(() => SignIn(userName, password), cancellationToken);

    /// <summary>The person's current groups, read with the service account; null when the entry is gone or disabled.</summary>
    public Task<DirectoryPerson?> RefreshAsync(string dn, string userName, CancellationToken cancellationToken) =>
        Task.Run(() => Refresh(dn, userName), cancellationToken);

    private DirectoryPerson? SignIn(string userName, string password)
    {
        // An empty password makes a bind "unauthenticated" (RFC 4513 5.1.2): many servers accept it for any DN.
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        using var service = Connect(options.BindDn, options.BindPassword, "the service account (Auth:Ldap:BindDn)");
        var entries = Search(service, options.BaseDn, LdapFilter.Fill(options.UserFilter, userName.Trim()), SearchScope.Subtree);
        if (entries.Count != 1)
        {
            // None: unknown name. Several: an ambiguous filter; refusing is safer than picking one.
            if (entries.Count > 1)
            {
                Ambiguous(log, entries.Count);
            }

            return null;
        }

        var entry = entries[0];
        if (Disabled(entry))
        {
            return null;
        }

        try
        {
            using var user = Open();
            user.Bind(new NetworkCredential(entry.DistinguishedName, password));
        }
        catch (LdapException e) when (e.ErrorCode == InvalidCredentials)
        {
            return null;
        }
        catch (LdapException e)
        {
            throw new DirectoryUnavailableException($"the directory refused the user's bind: {e.Message}", e);
        }

        return Person(service, entry, userName.Trim());
    }

    private DirectoryPerson? Refresh(string dn, string userName)
    {
        using var service = Connect(options.BindDn, options.BindPassword, "the service account (Auth:Ldap:BindDn)");
        List<SearchResultEntry> entries;
        try
        {
            entries = Search(service, dn, "(objectClass=*)", SearchScope.Base);
        }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            return null;
        }

        return entries.Count == 1 && !Disabled(entries[0]) ? Person(service, entries[0], userName) : null;
    }

    private DirectoryPerson Person(LdapConnection service, SearchResultEntry entry, string userName)
    {
        var display = Values(entry, options.DisplayNameAttribute).FirstOrDefault() ?? userName;
        var groups = options.Groups switch
        {
            GroupLookup.MemberOf => Values(entry, "memberOf"),
            GroupLookup.ActiveDirectoryNested => [.. Search(service, GroupBase, $"(member:1.2.840.113556.1.4.1941:={LdapFilter.Escape(entry.DistinguishedName)})", SearchScope.Subtree).Select(e => e.DistinguishedName)],
            _ => NestedGroups(service, entry.DistinguishedName),
        };
        return new DirectoryPerson("ldap", entry.DistinguishedName, userName, display, groups);
    }

    private string GroupBase => string.IsNullOrWhiteSpace(options.GroupBaseDn) ? options.BaseDn : options.GroupBaseDn;

    // Groups holding the user, then groups holding those, breadth first; a cycle or a deep chain stops at MaxNesting.
    private List<string> NestedGroups(LdapConnection service, string dn)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { dn };
        var level = new List<string> { dn };
        for (var depth = 0; depth < MaxNesting && level.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var member in level)
            {
                var escaped = LdapFilter.Escape(member);
                foreach (var group in Search(service, GroupBase, $"(|(member={escaped})(uniqueMember={escaped}))", SearchScope.Subtree))
                {
                    if (seen.Add(group.DistinguishedName))
                    {
                        found.Add(group.DistinguishedName);
                        next.Add(group.DistinguishedName);
                    }
                }
            }

            level = next;
        }

        return found;
    }

    // Active Directory marks a disabled account with bit 2 of userAccountControl; other directories have no such attribute.
    private static bool Disabled(SearchResultEntry entry) =>
        Values(entry, "userAccountControl").FirstOrDefault() is { } flags && int.TryParse(flags, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value & 2) != 0;

    private List<SearchResultEntry> Search(LdapConnection connection, string baseDn, string filter, SearchScope scope)
    {
        string[] attributes = [options.DisplayNameAttribute, "memberOf", "userAccountControl"];
        var response = (SearchResponse)connection.SendRequest(new SearchRequest(baseDn, filter, scope, attributes), TimeSpan.FromSeconds(options.TimeoutSeconds));
        return [.. response.Entries.Cast<SearchResultEntry>()];
    }

    private static List<string> Values(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute) ? [.. entry.Attributes[attribute].GetValues(typeof(string)).Cast<string>()] : [];

    private LdapConnection Connect(string dn, string password, string who)
    {
        var connection = Open();
        try
        {
            connection.Bind(new NetworkCredential(dn, password));
            return connection;
        }
        catch (LdapException e)
        {
            connection.Dispose();
            throw new DirectoryUnavailableException(
                e.ErrorCode == InvalidCredentials ? $"the directory refused {who}'s password" : $"the directory at {options.Host}:{options.EffectivePort} could not be reached: {e.Message}", e);
        }
    }

    private LdapConnection Open()
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(options.Host, options.EffectivePort, fullyQualifiedDnsHostName: true, connectionless: false))
        {
            AuthType = AuthType.Basic,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        var session = connection.SessionOptions;
        session.ProtocolVersion = 3;
        // Referrals would send the user's password to whatever server a referral names.
        session.ReferralChasing = ReferralChasingOptions.None;
        if (options.Security != LdapSecurity.None)
        {
            if (options.TrustedCertificatesDirectory is { } trusted && !OperatingSystem.IsWindows())
            {
                session.TrustedCertificatesDirectory = trusted;
                session.StartNewTlsSessionContext();
            }

            if (options.Security == LdapSecurity.Ldaps)
            {
                session.SecureSocketLayer = true;
            }
            else
            {
                try
                {
                    session.StartTransportLayerSecurity(null);
                }
                catch (Exception e) when (e is LdapException or DirectoryOperationException)
                {
                    connection.Dispose();
                    throw new DirectoryUnavailableException($"StartTLS with {options.Host}:{options.EffectivePort} failed (is its certificate trusted?): {e.Message}", e);
                }
            }
        }

        return connection;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: Auth:Ldap:UserFilter matched {Count} entries for one name")]
    private static partial void Ambiguous(ILogger logger, int count);
}
