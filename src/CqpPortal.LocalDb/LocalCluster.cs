using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace CqpPortal.LocalDb;

/// <summary>
/// A PostgreSQL cluster of our own in one folder, listening on 127.0.0.1 only, with a generated password kept
/// beside it. As root, the server runs as a non-root OS user (PostgreSQL refuses root).
/// </summary>
public sealed class LocalCluster
{
    public const string Superuser = "cqp";

    private readonly string bin;
    private readonly string? runAs;
    private readonly bool durable;

    public LocalCluster(string dataDirectory, int port, bool durable = true)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Port = port;
        this.durable = durable;
        bin = PostgresBinaries.Require();
        runAs = IsRoot() ? ServerOsUser.Ensure() : null;
    }

    public string DataDirectory { get; }
    public int Port { get; }
    public string LogFile => Path.Combine(DataDirectory, "server.log");
    private string PasswordFile => DataDirectory.TrimEnd('/') + ".password";

    public bool IsInitialised => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
    }.ConnectionString;

    /// <summary>Creates the cluster when the folder holds none yet; on failure leaves nothing behind.</summary>
    public void Initialise()
    {
        if (IsInitialised) return;
        var parent = Path.GetDirectoryName(DataDirectory.TrimEnd('/'))!;
        EnsureWritable(parent);
        if (Directory.Exists(DataDirectory) && Directory.EnumerateFileSystemEntries(DataDirectory).Any())
            throw new LocalClusterException($"{DataDirectory} is not empty and holds no PostgreSQL cluster: move it away and run again.");
        if (runAs is not null) EnsureReachable(DataDirectory, runAs);

        var createdFolder = !Directory.Exists(DataDirectory);
        var passwordForInitdb = Path.Combine(Path.GetTempPath(), $"cqp-pw-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(DataDirectory);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
            File.WriteAllText(PasswordFile, password);
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllText(passwordForInitdb, password);
            File.SetUnixFileMode(passwordForInitdb, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            GiveToServerUser(DataDirectory);
            RunServerTool("initdb", "-D", DataDirectory, "-U", Superuser, "--auth=scram-sha-256", "--pwfile", passwordForInitdb,
                "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions");
        }
        catch
        {
            if (createdFolder && Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
            File.Delete(PasswordFile);
            throw;
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }
    }

    public bool IsRunning() => IsInitialised && RunServerTool(allowFailure: true, "pg_ctl", "status", "-D", DataDirectory) == 0;

    public void Start()
    {
        if (IsRunning()) return;
        if (!PortIsFree(Port))
            throw new LocalClusterException($"Port {Port} is already in use by another program: free it, or choose another port with --pg-port.");
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
        // A throwaway cluster serves a whole test run: several test hosts keep their connection pools open at once.
        if (!durable) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        // setsid: a Ctrl-C in the terminal reaches the web server, not the database; `portal` stops it afterwards.
        var code = RunServerTool(allowFailure: true, "setsid", "-w", Path.Combine(bin, "pg_ctl"), "start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options);
        if (code != 0)
            throw new LocalClusterException($"PostgreSQL did not start (see {LogFile}):{Environment.NewLine}{Tail(LogFile)}");
    }

    public void Stop()
    {
        if (IsRunning()) RunServerTool("pg_ctl", "stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60");
    }

    /// <summary>Stops the server and removes the folder: for throwaway clusters.</summary>
    public void Destroy()
    {
        try { Stop(); }
        finally
        {
            if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
            File.Delete(PasswordFile);
        }
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void EnsureWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new LocalClusterException($"{folder} is not writable: give your user write access to it (or run from a checkout you own).");
        }
    }

    /// <summary>The server user must be able to walk down to the data folder.</summary>
    private static void EnsureReachable(string dataDirectory, string user)
    {
        for (var dir = Path.GetDirectoryName(dataDirectory); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            if (!Directory.Exists(dir)) continue;
            if (!File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute))
                throw new LocalClusterException($"The PostgreSQL server runs as OS user '{user}', who cannot enter {dir}: run `chmod o+x {dir}` or keep the checkout in a folder others can enter.");
        }
    }

    private void GiveToServerUser(string folder)
    {
        if (runAs is not null) Run(allowFailure: false, "chown", "-R", $"{runAs}:", folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private int RunServerTool(params string[] args) => RunServerTool(allowFailure: false, args);

    private int RunServerTool(bool allowFailure, params string[] args)
    {
        var program = args[0].Contains('/') || args[0] == "setsid" ? args[0] : Path.Combine(bin, args[0]);
        var command = runAs is null
            ? [program, .. args[1..]]
            : new[] { "runuser", "-u", runAs, "--", program }.Concat(args[1..]).ToArray();
        return Run(allowFailure, command);
    }

    private static int Run(bool allowFailure, params string[] command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var arg in command[1..]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new LocalClusterException($"Could not start {command[0]}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
            throw new LocalClusterException($"`{string.Join(' ', command)}` failed ({process.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}");
        return process.ExitCode;
    }

    private static string Tail(string file) =>
        File.Exists(file) ? string.Join(Environment.NewLine, File.ReadLines(file).TakeLast(15)) : "(no log)";

    internal static bool IsRoot() => Environment.IsPrivilegedProcess;
}
