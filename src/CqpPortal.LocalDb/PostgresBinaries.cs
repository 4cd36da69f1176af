namespace CqpPortal.LocalDb;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) on a Debian-like machine.</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "PostgreSQL server binaries not found: install them with `sudo apt-get install -y postgresql` (or set CQP_PG_BIN to the folder holding initdb and pg_ctl).";

    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("CQP_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
            return HasServer(configured) ? configured : null;

        // Debian keeps one folder per major version; take the newest that has the server programs.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault(HasServer);
            if (newest is not null) return newest;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(HasServer);
    }

    public static string Require() => Find() ?? throw new LocalClusterException(InstallHint);

    private static bool HasServer(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres"));
}
