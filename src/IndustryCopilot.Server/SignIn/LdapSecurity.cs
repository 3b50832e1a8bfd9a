namespace IndustryCopilot.Server.SignIn;

/// <summary>How the connection to the directory is protected.</summary>
public enum LdapSecurity
{
    /// <summary>TLS from the first byte (<c>ldaps://</c>, port 636).</summary>
    Ldaps,

    /// <summary>Plain LDAP upgraded with the StartTLS operation before anything is sent (port 389).</summary>
    StartTls,

    /// <summary>No encryption: passwords cross the network in clear. Only for a directory on this machine or in tests.</summary>
    None,
}
