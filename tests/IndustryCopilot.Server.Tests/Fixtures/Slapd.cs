using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Server.SignIn;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>
/// A real OpenLDAP server (Debian's slapd) on loopback ports, over a fresh database with a generated configuration:
/// a service account, three people, a group each (groupOfNames needs a member: the service account holds qa when nobody
/// else does), a nested group and a person named like a filter injection. It also
/// listens with TLS (StartTLS and LDAPS) under a certificate made for the test, which the system does not trust.
/// </summary>
public sealed class Slapd : IDisposable
{
    public const string Suffix = "dc=plant,dc=test";
    public const string ServiceDn = "cn=svc-copilot,dc=plant,dc=test";
    public const string ServicePassword = "svc-secret";
    public const string Qa = "cn=qa,ou=groups,dc=plant,dc=test";
    public const string Maintenance = "cn=maintenance,ou=groups,dc=plant,dc=test";
    public const string Engineering = "cn=engineering,ou=groups,dc=plant,dc=test";
    public const string OddName = "*)(uid=*";
    private const string RootDn = "cn=admin,dc=plant,dc=test";
    private const string RootPassword = "root-secret";
    private readonly Process _process;

    public Slapd()
    {
        Folder = Directory.CreateTempSubdirectory("icp-slapd-").FullName;
        Directory.CreateDirectory(Path.Combine(Folder, "data"));
        Port = FreePort();
        TlsPort = FreePort();
        WriteCertificate();
        File.WriteAllText(Path.Combine(Folder, "slapd.conf"), $"""
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            include /etc/ldap/schema/nis.schema
            modulepath /usr/lib/ldap
            moduleload back_mdb
            moduleload memberof
            pidfile {Folder}/slapd.pid
            TLSCertificateFile {Folder}/server.crt
            TLSCertificateKeyFile {Folder}/server.key
            database mdb
            maxsize 10485760
            suffix "{Suffix}"
            rootdn "{RootDn}"
            rootpw {RootPassword}
            directory {Folder}/data
            overlay memberof
            memberof-refint true
            """);
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/slapd", ["-f", Path.Combine(Folder, "slapd.conf"), "-h", $"ldap://127.0.0.1:{Port}/ ldaps://127.0.0.1:{TlsPort}/", "-d", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("slapd did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Until.Answered(() => Task.FromResult(Listening() || _process.HasExited), "slapd listening").GetAwaiter().GetResult();
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"slapd exited with {_process.ExitCode}");
        }

        Ldap("ldapadd", Entries);
    }

    /// <summary>Why the tests cannot run here, or null.</summary>
    public static string? Missing =>
        File.Exists("/usr/sbin/slapd") && File.Exists("/usr/bin/ldapadd") && File.Exists("/usr/lib/ldap/back_mdb.so")
            ? null : "needs Debian's slapd and ldap-utils (apt-get install slapd ldap-utils); test.sh installs them";

    public string Folder { get; }

    public int Port { get; }

    public int TlsPort { get; }

    /// <summary>A folder in OpenSSL's hashed layout holding the test certificate, for <c>Auth:Ldap:TrustedCertificatesDirectory</c>.</summary>
    public string TrustedFolder => Path.Combine(Folder, "trusted");

    /// <summary>Options for plain LDAP on loopback with the service account; <paramref name="groups"/> picks how groups are read.</summary>
    public LdapOptions Options(GroupLookup groups = GroupLookup.MemberOf) => new()
    {
        Enabled = true,
        Host = "127.0.0.1",
        Port = Port,
        Security = LdapSecurity.None,
        BindDn = ServiceDn,
        BindPassword = ServicePassword,
        BaseDn = "ou=staff," + Suffix,
        GroupBaseDn = "ou=groups," + Suffix,
        UserFilter = "(&(objectClass=inetOrgPerson)(uid={0}))",
        Groups = groups,
    };

    /// <summary>The same as server configuration (<c>Auth:Ldap:*</c>).</summary>
    public Dictionary<string, string> Settings(GroupLookup groups = GroupLookup.MemberOf)
    {
        var o = Options(groups);
        return new()
        {
            ["Auth:Ldap:Enabled"] = "true",
            ["Auth:Ldap:Host"] = o.Host,
            ["Auth:Ldap:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:Ldap:Security"] = "None",
            ["Auth:Ldap:BindDn"] = o.BindDn,
            ["Auth:Ldap:BindPassword"] = o.BindPassword,
            ["Auth:Ldap:BaseDn"] = o.BaseDn,
            ["Auth:Ldap:GroupBaseDn"] = o.GroupBaseDn!,
            ["Auth:Ldap:UserFilter"] = o.UserFilter,
            ["Auth:Ldap:Groups"] = groups.ToString(),
        };
    }

    /// <summary>Applies an LDIF change as the directory's administrator (e.g. removing someone from a group).</summary>
    public void Modify(string ldif) => Ldap("ldapmodify", ldif);

    /// <summary>Adds a person with a password to <paramref name="groupDn"/>.</summary>
    public void AddPerson(string uid, string password, string groupDn) => Ldap("ldapadd", $"""
        dn: uid={uid},ou=staff,{Suffix}
        objectClass: inetOrgPerson
        uid: {uid}
        cn: {uid}
        sn: {uid}
        userPassword: {password}

        """ + "\n" + $"""
        dn: {groupDn}
        changetype: modify
        add: member
        member: uid={uid},ou=staff,{Suffix}

        """, "-c");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static string Entries => $"""
        dn: {Suffix}
        objectClass: dcObject
        objectClass: organization
        o: Plant
        dc: plant

        dn: {ServiceDn}
        objectClass: person
        cn: svc-copilot
        sn: service
        userPassword: {ServicePassword}

        dn: ou=staff,{Suffix}
        objectClass: organizationalUnit
        ou: staff

        dn: ou=groups,{Suffix}
        objectClass: organizationalUnit
        ou: groups

        dn: uid=liwei,ou=staff,{Suffix}
        objectClass: inetOrgPerson
        uid: liwei
        cn: Li Wei
        sn: Li
        displayName: Li Wei
        userPassword: pw-liwei

        dn: uid=zhang,ou=staff,{Suffix}
        objectClass: inetOrgPerson
        uid: zhang
        cn: Zhang Min
        sn: Zhang
        userPassword: pw-zhang

        dn: cn=odd,ou=staff,{Suffix}
        objectClass: inetOrgPerson
        uid: {OddName}
        cn: odd
        sn: odd
        userPassword: pw-odd

        dn: {Qa}
        objectClass: groupOfNames
        cn: qa
        member: uid=liwei,ou=staff,{Suffix}
        member: {ServiceDn}

        dn: {Maintenance}
        objectClass: groupOfNames
        cn: maintenance
        member: uid=zhang,ou=staff,{Suffix}

        dn: {Engineering}
        objectClass: groupOfNames
        cn: engineering
        member: {Maintenance}

        """;

    private void Ldap(string tool, string ldif, params string[] extra)
    {
        using var process = Process.Start(new ProcessStartInfo($"/usr/bin/{tool}", ["-x", "-H", $"ldap://127.0.0.1:{Port}", "-D", RootDn, "-w", RootPassword, .. extra])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.StandardInput.Write(ldif.Replace("\r\n", "\n", StringComparison.Ordinal));
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
        }
    }

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        // libldap checks a connection to "localhost" against the machine's own host name.
        names.AddDnsName(Dns.GetHostName());
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(Path.Combine(Folder, "server.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Folder, "server.key"), key.ExportPkcs8PrivateKeyPem());
        Directory.CreateDirectory(TrustedFolder);
        File.WriteAllText(Path.Combine(TrustedFolder, "plant-ca.pem"), certificate.ExportCertificatePem());
        if (File.Exists("/usr/bin/openssl"))
        {
            using var rehash = Process.Start("/usr/bin/openssl", ["rehash", TrustedFolder]);
            rehash.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
