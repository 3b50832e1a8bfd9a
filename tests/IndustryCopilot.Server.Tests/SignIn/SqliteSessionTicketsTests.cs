using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Server.SignIn;

namespace IndustryCopilot.Server.Tests.SignIn;

/// <summary>The session contract over one server's <c>sessions.db</c>: each opening is the server after a restart.</summary>
public sealed class SqliteSessionTicketsTests : SessionTicketsContract, IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly List<SqliteSessionTickets> _opened = [];

    protected override string? Unavailable => null;

    public void Dispose()
    {
        _opened.ForEach(s => s.Dispose());
        _data.Dispose();
    }

    internal override Task<ISessionTickets> OpenAsync()
    {
        var store = new SqliteSessionTickets(_data.Path, Protection, Time);
        _opened.Add(store);
        return Task.FromResult<ISessionTickets>(store);
    }
}
