using System.Globalization;
using System.Text;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// A typed user name as a directory compares it. LDAP matches names after string preparation (RFC 4518): compatibility
/// forms folded (full-width <c>ｚｈａｎｇ</c> is <c>zhang</c>), invisible format characters dropped, runs of spaces
/// collapsed, and letter case ignored. The lockout must count every spelling the directory treats as one name as that
/// one name, or a look-alike would bypass it.
/// </summary>
internal static class UserName
{
    /// <summary>What is sent to the directory: NFKC, without format or control characters, spaces collapsed and trimmed.</summary>
    public static string ForLookup(string typed)
    {
        var text = new StringBuilder(typed.Length);
        var space = false;
        foreach (var c in typed.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control && !char.IsWhiteSpace(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
        }

        // Dropping characters can leave a combination that composes anew.
        return text.ToString().Normalize(NormalizationForm.FormKC);
    }

    /// <summary>The key the sign-in throttle counts failures under: the lookup form, case-folded.</summary>
    public static string Canonical(string typed) => ForLookup(typed).ToLowerInvariant();
}
