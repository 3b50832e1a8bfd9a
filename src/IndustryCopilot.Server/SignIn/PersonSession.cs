using System.Globalization;
using System.Security.Claims;
using IndustryCopilot.Server.Security;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// A signed-in person as the session cookie carries them: the caller claims every endpoint reads (subject, name,
/// role, access groups) plus what the session needs to renew itself (method, directory id, user name, when the
/// person signed in and when their groups were last read).
/// </summary>
internal static class PersonSession
{
    public const string Scheme = "Session";
    public const string CookieName = "icp.session";
    private const string MethodClaim = "icp:method";
    private const string DirectoryIdClaim = "icp:dir";
    private const string UserNameClaim = "icp:user";
    private const string SignedInClaim = "icp:signedin";
    private const string CheckedClaim = "icp:checked";

    public static ClaimsPrincipal Principal(DirectoryPerson person, PersonAccess access, DateTimeOffset signedIn, DateTimeOffset checkedAt) =>
        Caller.Principal(person.Subject, person.DisplayName, access.Role, access.Groups,
            [
                new Claim(MethodClaim, person.Method),
                new Claim(DirectoryIdClaim, person.Id),
                new Claim(UserNameClaim, person.UserName),
                new Claim(SignedInClaim, signedIn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                new Claim(CheckedClaim, checkedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme);

    /// <summary>True for a person signed in through the directory or single sign-on (not a key, not anonymous).</summary>
    public static bool IsPerson(this ClaimsPrincipal user) => user.FindFirst(MethodClaim) is not null;

    public static string? Method(this ClaimsPrincipal user) => user.FindFirst(MethodClaim)?.Value;

    public static string DirectoryId(this ClaimsPrincipal user) => user.FindFirst(DirectoryIdClaim)?.Value ?? "";

    public static string UserName(this ClaimsPrincipal user) => user.FindFirst(UserNameClaim)?.Value ?? "";

    public static DateTimeOffset SignedIn(this ClaimsPrincipal user) => Time(user, SignedInClaim);

    public static DateTimeOffset GroupsChecked(this ClaimsPrincipal user) => Time(user, CheckedClaim);

    private static DateTimeOffset Time(ClaimsPrincipal user, string claim) =>
        long.TryParse(user.FindFirst(claim)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
}
