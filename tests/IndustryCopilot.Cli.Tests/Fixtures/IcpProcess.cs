using System.Diagnostics;

namespace IndustryCopilot.Cli.Tests.Fixtures;

/// <summary>Runs the real <c>icp</c> program (the built icp.dll beside the tests) as a child process.</summary>
internal static class IcpProcess
{
    public static string RepositoryRoot { get; } = FindRepository();

    public static Process Start(IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "icp.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("ICP_DATA_DIR");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        using var process = Start(args, environment, workingDirectory);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A hang guard, not a time limit: far beyond what any command here needs on a busy machine.
        if (!process.WaitForExit(Core.Tests.Fixtures.Until.HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("icp " + string.Join(" ", args) + $" hung: not finished in {Core.Tests.Fixtures.Until.HangGuard.TotalMinutes:0} minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IndustryCopilot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
