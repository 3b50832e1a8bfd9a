using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.SignIn;

namespace IndustryCopilot.Server.Tests.SignIn;

public sealed class PersonAccessTests
{
    private static readonly AuthOptions Options = new()
    {
        GroupMap =
        [
            new GroupMapping { Directory = "CN=QA-Engineers,OU=Groups,DC=plant,DC=local", Groups = ["quality"] },
            new GroupMapping { Directory = "CN=Maint,OU=Groups,DC=plant,DC=local", Groups = ["maintenance", "quality"], Role = ApiKeyRole.Editor },
            new GroupMapping { Directory = "copilot-admins", Role = ApiKeyRole.Admin },
        ],
    };

    [Fact]
    public void Of_SeveralMappedGroups_UnionOfGroupsAndHighestRole()
    {
        var access = PersonAccess.Of(["cn=qa-engineers, ou=groups, dc=plant, dc=local", "CN=Maint,OU=Groups,DC=plant,DC=local", "CN=Other"], Options);

        Assert.Equal(ApiKeyRole.Editor, access?.Role);
        Assert.Equal(["maintenance", "public", "quality"], access?.Groups);
    }

    [Fact]
    public void Of_RoleOnlyEntry_GivesRoleAndPublic()
    {
        var access = PersonAccess.Of(["copilot-admins"], Options);

        Assert.Equal(ApiKeyRole.Admin, access?.Role);
        Assert.Equal(["public"], access?.Groups);
    }

    [Fact]
    public void Of_Unmapped_PublicReaderOrRefused()
    {
        Assert.Equal(["public"], PersonAccess.Of(["CN=Canteen"], Options)?.Groups);
        Assert.Equal(ApiKeyRole.Reader, PersonAccess.Of([], Options)?.Role);
        var strict = new AuthOptions { GroupMap = Options.GroupMap, UnmappedUsers = UnmappedUsers.Refuse };
        Assert.Null(PersonAccess.Of(["CN=Canteen"], strict));
    }

    [Theory]
    [InlineData("*)(uid=*", @"\2a\29\28uid=\2a")]
    [InlineData(@"a\b", @"a\5cb")]
    [InlineData("李伟", "李伟")]
    public void Escape_FilterCharacters_Escaped(string value, string expected) => Assert.Equal(expected, LdapFilter.Escape(value));

    [Fact]
    public void Problems_EnabledLdapWithoutBaseDn_Reported()
    {
        var options = new AuthOptions { Ldap = { Enabled = true, Host = "dc01", BindDn = "cn=svc" } };
        Assert.Contains("BaseDn", Assert.Single(options.Problems()), StringComparison.Ordinal);
        Assert.Contains("https", Assert.Single(new AuthOptions { Oidc = { Enabled = true, Authority = "http://idp.plant.local", ClientId = "copilot" } }.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WrongInSeveralPlaces_EveryOneReported()
    {
        var options = new AuthOptions { RefreshMinutes = 0, LockoutMinutes = 0, Ldap = { Enabled = true }, Oidc = { Enabled = true, Authority = "not a url" } };

        var problems = options.Problems().ToList();

        // Two of Auth's own, Host, BindDn and BaseDn of LDAP, Authority and ClientId of OIDC.
        Assert.Equal(7, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("Auth:", p, StringComparison.Ordinal));
    }
}
