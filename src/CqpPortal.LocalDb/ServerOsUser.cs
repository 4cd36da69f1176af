using System.Diagnostics;

namespace CqpPortal.LocalDb;

/// <summary>PostgreSQL refuses to run as root: as root we run it as `postgres` (Debian's) or a system user of our own.</summary>
internal static class ServerOsUser
{
    private const string OwnUser = "cqpportal";

    public static string Ensure()
    {
        var configured = Environment.GetEnvironmentVariable("CQP_PG_USER");
        if (!string.IsNullOrWhiteSpace(configured)) return Exists(configured) ? configured
            : throw new LocalClusterException($"CQP_PG_USER names '{configured}', who does not exist on this machine.");
        if (Exists("postgres")) return "postgres";
        if (Exists(OwnUser)) return OwnUser;
        if (Execute("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OwnUser) != 0)
            throw new LocalClusterException($"Could not create the OS user '{OwnUser}' to run PostgreSQL: run as a non-root user instead.");
        return OwnUser;
    }

    private static bool Exists(string user) => Execute("id", "-u", user) == 0;

    private static int Execute(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
