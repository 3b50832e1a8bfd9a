namespace IndustryCopilot.Server.SignIn;

/// <summary>How a person's directory groups are read.</summary>
public enum GroupLookup
{
    /// <summary>The user entry's <c>memberOf</c> attribute (Active Directory; OpenLDAP with the memberof overlay). Direct groups only.</summary>
    MemberOf,

    /// <summary>
    /// A search under <c>Auth:Ldap:GroupBaseDn</c> for groups whose <c>member</c> is the user, repeated for the
    /// groups found (nested groups, up to 8 levels). Works with any LDAP server.
    /// </summary>
    Search,

    /// <summary>Active Directory's LDAP_MATCHING_RULE_IN_CHAIN: every group the user belongs to, nested or not, in one search.</summary>
    ActiveDirectoryNested,
}
