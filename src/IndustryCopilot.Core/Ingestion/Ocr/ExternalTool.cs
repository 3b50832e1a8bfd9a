using System.ComponentModel;
using System.Diagnostics;

namespace IndustryCopilot.Core.Ingestion.Ocr;

/// <summary>Runs an external program with a deadline; a missing program or a timeout becomes a clear <see cref="OcrException"/>.</summary>
internal static class ExternalTool
{
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string package, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new OcrException($"could not start {program}");
        }
        catch (Win32Exception)
        {
            throw new OcrException($"{program} was not found; install the Debian package {package} (or set its path in the Ocr options)");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timer = new CancellationTokenSource(timeout, time);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new OcrException($"{Path.GetFileName(program)} took longer than {timeout.TotalSeconds:0} s (Ocr:PageTimeoutSeconds)");
            }

            if (process.ExitCode != 0)
            {
                throw new OcrException($"{Path.GetFileName(program)} failed (exit {process.ExitCode}): {(await error.ConfigureAwait(false)).Trim()}");
            }

            return await output.ConfigureAwait(false);
        }
    }
}
