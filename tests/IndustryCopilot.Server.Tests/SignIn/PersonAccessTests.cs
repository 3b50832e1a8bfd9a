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
    public void Validate_EnabledLdapWithoutBaseDn_Throws()
    {
        var options = new AuthOptions { Ldap = { Enabled = true, Host = "dc01", BindDn = "cn=svc" } };
        Assert.Contains("BaseDn", Assert.Throws<InvalidOperationException>(options.Validate).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(new AuthOptions { Oidc = { Enabled = true, Authority = "http://idp.plant.local", ClientId = "copilot" } }.Validate);
    }
}
