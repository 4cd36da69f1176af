using System.Diagnostics;

namespace CqpPortal.Web.Tests.Statistics;

/// <summary>Runs the app's command line (`./portal VERB` without the private cluster) as its own process on a given database.</summary>
public static class PortalCommandLine
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string connectionString, params string[] args) =>
        RunInAsync(null, connectionString, args);

    /// <summary>As <see cref="RunAsync"/>, with <c>ASPNETCORE_ENVIRONMENT</c> set as <c>./portal</c> sets it.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunInAsync(string? aspNetCoreEnvironment, string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CqpPortal.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["CQP_DB"] = connectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        if (aspNetCoreEnvironment is not null) start.Environment["ASPNETCORE_ENVIRONMENT"] = aspNetCoreEnvironment;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
