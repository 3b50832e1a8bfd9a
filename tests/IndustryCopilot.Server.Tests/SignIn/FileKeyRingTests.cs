using IndustryCopilot.Core.Tests.Fixtures;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>The key ring contract over one server's <c>session-keys</c> folder: each server is the same one after a restart.</summary>
public sealed class FileKeyRingTests : KeyRingContract, IDisposable
{
    private readonly TempDirectory _data = new();

    protected override string? Unavailable => null;

    public void Dispose() => _data.Dispose();

    protected override void KeepKeys(IServiceCollection services, IDataProtectionBuilder protection) =>
        protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(_data.Path, "session-keys")));
}
