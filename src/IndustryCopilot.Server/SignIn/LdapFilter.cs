using System.Text;

namespace IndustryCopilot.Server.SignIn;

/// <summary>Escapes values placed in LDAP search filters (RFC 4515), so a user name such as <c>*)(uid=*</c> is matched literally.</summary>
internal static class LdapFilter
{
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '\\' => @"\5c",
                '*' => @"\2a",
                '(' => @"\28",
                ')' => @"\29",
                '\0' => @"\00",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The configured filter with <c>{0}</c> replaced by the escaped value (not string.Format: filters hold braces of their own only as {0}).</summary>
    public static string Fill(string template, string value) => template.Replace("{0}", Escape(value), StringComparison.Ordinal);
}
