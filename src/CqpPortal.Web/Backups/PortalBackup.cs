using System.Diagnostics;
using System.Formats.Tar;
using System.Text.Json;
using CqpPortal.Web.Data;
using CqpPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CqpPortal.Web.Backups;

/// <summary>What a backup file says about itself (<c>manifest.json</c> in the archive).</summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string? SchemaVersion,
    int ServerMajorVersion,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<BackupDocuments> Documents)
{
    public const int CurrentFormat = 1;
}

/// <summary>A column holding files (bytea): how many and how many bytes. Every document of the portal is such a column.</summary>
public sealed record BackupDocuments(string Table, string Column, long Count, long Bytes);

public sealed record RestoreOutcome(bool Succeeded, string Message);

/// <summary>
/// `./portal backup FILE` and `./portal restore FILE [--force]`: one tar file holding <c>manifest.json</c> (date, last
/// migration, row counts per table, documents per column) and <c>database.dump</c> (pg_dump, custom format). Every
/// document (proofs, booklet documents, convocations, reports…) is a bytea column, so the dump holds them all: nothing of
/// the portal lives in files on the nodes (the mail pickup folder is a development aid). The counts are taken in the
/// dump's own snapshot, so they describe exactly what the dump holds, even while the site runs.
/// </summary>
public sealed class PortalBackup(CqpDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public const string ManifestEntry = "manifest.json";
    public const string DumpEntry = "database.dump";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string ConnectionString => PortalDataExtensions.ConnectionString(configuration);

    public async Task<BackupManifest> WriteAsync(string file, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(file);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        // Written beside the target then moved into place: a reader never sees half a backup.
        var dump = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.dump");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            var major = ServerMajorVersion(connection);
            // The snapshot stays exported while this transaction is open: pg_dump reads the very same data.
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            var snapshot = (string)(await Scalar(connection, "SELECT pg_export_snapshot()", cancellationToken))!;
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), await SchemaVersionAsync(connection, cancellationToken),
                major, await RowCountsAsync(connection, cancellationToken), await DocumentsAsync(connection, cancellationToken));
            await PostgresClientAsync(major, "pg_dump", ["--format=custom", "--no-password", $"--snapshot={snapshot}", $"--file={dump}"], cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            await using (var output = File.Create(temporary))
            await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: false))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, ManifestEntry) { DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, Json)) };
                await tar.WriteEntryAsync(entry, cancellationToken);
                await tar.WriteEntryAsync(dump, DumpEntry, cancellationToken);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite); // personal data: the owner only
            File.Move(temporary, target, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(dump);
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Restores into the configured database, which must hold no table unless <paramref name="force"/> (then every
    /// schema of it is dropped first). The restore is one transaction; the row counts are then checked against the
    /// manifest, and the caller migrates (a backup of an older version comes up to this one).
    /// </summary>
    public async Task<RestoreOutcome> RestoreAsync(string file, bool force, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file)) return new(false, $"File not found: {file}");
        var dump = Path.Combine(Path.GetTempPath(), $"cqp-restore-{Guid.NewGuid():N}.dump");
        try
        {
            BackupManifest? manifest = null;
            var hasDump = false;
            await using (var input = File.OpenRead(file))
            {
                TarReader tar;
                try { tar = new TarReader(input); }
                catch (Exception e) when (e is InvalidDataException or FormatException) { return new(false, $"{file} is not a portal backup."); }
                await using (tar)
                {
                    try
                    {
                        while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
                        {
                            if (entry.Name == ManifestEntry && entry.DataStream is not null)
                                manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream, Json, cancellationToken);
                            else if (entry.Name == DumpEntry)
                            {
                                await entry.ExtractToFileAsync(dump, overwrite: true, cancellationToken);
                                hasDump = true;
                            }
                        }
                    }
                    catch (Exception e) when (e is InvalidDataException or FormatException or JsonException or EndOfStreamException)
                    {
                        return new(false, $"{file} is not a portal backup, or is damaged: {e.Message}");
                    }
                }
            }
            if (manifest is null || !hasDump) return new(false, $"{file} is not a portal backup ({ManifestEntry} and {DumpEntry} expected).");
            if (manifest.Format > BackupManifest.CurrentFormat) return new(false, $"{file} was made by a newer portal (backup format {manifest.Format}).");
            if (manifest.SchemaVersion is { } schema && !db.Database.GetMigrations().Contains(schema))
                return new(false, $"{file} was made by a newer portal (its schema {schema} is unknown to this version): restore it with that version.");

            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            var major = ServerMajorVersion(connection);
            if (major < manifest.ServerMajorVersion)
                return new(false, $"{file} comes from PostgreSQL {manifest.ServerMajorVersion}; this server is PostgreSQL {major}: restore it on a server of version {manifest.ServerMajorVersion} or later.");
            var tables = (await RowCountsAsync(connection, cancellationToken)).Count;
            if (tables > 0 && !force)
                return new(false, $"The database {connection.Database} is not empty ({tables} tables): nothing was restored. Add --force to replace its whole content with the backup.");
            if (tables > 0) await DropEverythingAsync(connection, cancellationToken);

            await PostgresClientAsync(major, "pg_restore", ["--no-password", "--no-owner", "--single-transaction", "--exit-on-error", $"--dbname={connection.Database}", dump], cancellationToken);

            var restored = await RowCountsAsync(connection, cancellationToken);
            var different = manifest.Rows.Where(t => restored.GetValueOrDefault(t.Key, -1) != t.Value).Select(t => $"{t.Key} ({restored.GetValueOrDefault(t.Key)} rows, {t.Value} in the backup)").ToList();
            if (different.Count > 0) return new(false, "The restored tables do not match the backup: " + string.Join(", ", different));
            return new(true, $"Restored {restored.Count} tables, {restored.Values.Sum()} rows, {manifest.Documents.Sum(d => d.Count)} documents, from the backup of {manifest.CreatedAt:u} (schema {manifest.SchemaVersion ?? "none"}).");
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>Rows per table of every schema but PostgreSQL's own (the portal's and the jobs'), as "schema.table".</summary>
    public static async Task<Dictionary<string, long>> RowCountsAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        var tables = new List<(string Schema, string Table)>();
        await using (var list = new NpgsqlCommand(
            "SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) tables.Add((reader.GetString(0), reader.GetString(1)));
        var counts = new Dictionary<string, long>();
        foreach (var (schema, table) in tables)
            counts[$"{schema}.{table}"] = (long)(await Scalar(connection, $"SELECT count(*) FROM {Quote(schema)}.{Quote(table)}", cancellationToken))!;
        return counts;
    }

    private static async Task<List<BackupDocuments>> DocumentsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var columns = new List<(string Schema, string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c JOIN pg_tables t ON t.schemaname = c.table_schema AND t.tablename = c.table_name "
            + "WHERE c.data_type = 'bytea' AND c.table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        var documents = new List<BackupDocuments>();
        foreach (var (schema, table, column) in columns)
        {
            await using var command = new NpgsqlCommand($"SELECT count({Quote(column)}), coalesce(sum(octet_length({Quote(column)})), 0)::bigint FROM {Quote(schema)}.{Quote(table)}", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            documents.Add(new BackupDocuments($"{schema}.{table}", column, reader.GetInt64(0), reader.GetInt64(1)));
        }
        return documents;
    }

    /// <summary>The last migration applied, from EF's history table (the portal names it: __ef_migrations_history).</summary>
    private async Task<string?> SchemaVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var table = db.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault()?.MigrationsHistoryTableName
            ?? HistoryRepository.DefaultTableName;
        return await Scalar(connection, $"SELECT to_regclass('public.{Quote(table).Replace("'", "''")}')::text", cancellationToken) is null ? null
            : await Scalar(connection, $"SELECT max(\"MigrationId\") FROM {Quote(table)}", cancellationToken) as string;
    }

    /// <summary>Every schema of the database but PostgreSQL's own, then an empty <c>public</c> as a new database has.</summary>
    private static async Task DropEverythingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var schemas = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) schemas.Add(reader.GetString(0));
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var schema in schemas) await Scalar(connection, $"DROP SCHEMA {Quote(schema)} CASCADE", cancellationToken);
        await Scalar(connection, "CREATE SCHEMA public", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static int ServerMajorVersion(NpgsqlConnection connection) => connection.PostgreSqlVersion.Major;

    /// <summary>
    /// pg_dump or pg_restore of the server's major version (an older client refuses a newer server, a newer one writes
    /// archives an older pg_restore cannot read): CQP_PG_BIN, then Debian's /usr/lib/postgresql/MAJOR/bin, then PATH.
    /// The connection goes through libpq's environment variables, so the password never shows in a process list.
    /// </summary>
    private async Task PostgresClientAsync(int major, string program, string[] args, CancellationToken cancellationToken)
    {
        var path = FindClient(major, program);
        var connection = new NpgsqlConnectionStringBuilder(ConnectionString);
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        };
        start.Environment["PGAPPNAME"] = "cqp-portal-" + program;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new BackupException($"{program} failed (exit code {process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}".Trim());
    }

    private static string FindClient(int major, string program)
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("CQP_PG_BIN") is { Length: > 0 } configured) folders.Add(configured);
        folders.Add($"/usr/lib/postgresql/{major}/bin");
        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate) && ClientMajorVersion(candidate) == major) return candidate;
        }
        throw new BackupException($"{program} of PostgreSQL {major} (the server's version) was not found: install it with `sudo apt-get install -y postgresql-client-{major}`, or set CQP_PG_BIN to the folder holding it.");
    }

    /// <summary>"pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)" → 15.</summary>
    private static int? ClientMajorVersion(string path)
    {
        var start = new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start);
        if (process is null) return null;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var version = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length > 0 && char.IsAsciiDigit(w[0]));
        return version is not null && int.TryParse(version.Split('.')[0], out var major) ? major : null;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

/// <summary>A backup or restore that cannot go on; its message says why, for the command line.</summary>
public sealed class BackupException(string message) : Exception(message);
