using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>
/// What every home of the data-protection key ring must do, run against each (<see cref="FileKeyRingTests"/>,
/// <see cref="PostgresKeyRingTests"/>): what one server protects with the ring (a session, an anti-forgery token),
/// another server on the same ring (or the same server after a restart) can read, and nothing else can.
/// </summary>
public abstract class KeyRingContract
{
    /// <summary>Why this ring cannot be tested here, or null.</summary>
    protected abstract string? Unavailable { get; }

    /// <summary>Points a server's data protection at this test's ring, as the server's composition does.</summary>
    protected abstract void KeepKeys(IServiceCollection services, IDataProtectionBuilder protection);

    [SkippableFact]
    public void Unprotect_ProtectedByAnotherServerOnTheRing_SamePayload()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var a = Server();
        using var b = Server();
        var payload = Encoding.UTF8.GetBytes("session ticket of ldap:liwei");

        var sealedOnA = Protector(a).Protect(payload);

        Assert.Equal(payload, Protector(b).Unprotect(sealedOnA));
    }

    [SkippableFact]
    public void Unprotect_ServerWithAnotherRing_Refused()
    {
        Skip.If(Unavailable is not null, Unavailable);
        using var a = Server();
        // A ring of its own, kept in memory (the default would write keys into the test user's home folder).
        var stranger = new EphemeralDataProtectionProvider().CreateProtector("IndustryCopilot.Sessions.v1");

        var sealedOnA = Protector(a).Protect(Encoding.UTF8.GetBytes("session ticket of ldap:liwei"));

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => stranger.Unprotect(sealedOnA));
    }

    private ServiceProvider Server()
    {
        var services = new ServiceCollection();
        KeepKeys(services, services.AddDataProtection().SetApplicationName("IndustryCopilot"));
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider server) =>
        server.GetRequiredService<IDataProtectionProvider>().CreateProtector("IndustryCopilot.Sessions.v1");
}
