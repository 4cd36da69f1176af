using System.Formats.Tar;
using System.Text.Json;
using CqpPortal.Testing;
using CqpPortal.Web.Backups;
using CqpPortal.Web.Tests.Statistics;
using Npgsql;

namespace CqpPortal.Web.Tests.Cli;

/// <summary>
/// `./portal backup FILE` then `./portal restore FILE` into a fresh PostgreSQL cluster: the same records (every row of
/// every portal table compared) and the same documents (bytes), and a non-empty database is replaced only with --force.
/// </summary>
public class BackupCommandTests
{
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Per table of the portal's schema, an MD5 of all its rows as text, in a fixed order.</summary>
    private static async Task<Dictionary<string, string>> RowFingerprintsAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var fingerprints = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"{table}\" t", connection);
            fingerprints[table] = (string)(await command.ExecuteScalarAsync())!;
        }
        return fingerprints;
    }

    private static async Task<Dictionary<int, byte[]>> ProofFilesAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("SELECT \"Id\", \"Content\" FROM \"RegistrationProofs\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var files = new Dictionary<int, byte[]>();
        while (await reader.ReadAsync()) files[reader.GetInt32(0)] = (byte[])reader[1];
        return files;
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        return await PortalBackup.RowCountsAsync(connection);
    }

    [Fact]
    public async Task A_backup_restored_into_a_fresh_cluster_has_the_same_records_and_documents_and_a_full_database_needs_force()
    {
        var source = TestCluster.NewDatabase("cli_backup");
        var seeded = await PortalCommandLine.RunInAsync("Development", source, "seed-demo");
        Assert.True(seeded.ExitCode == 0, seeded.Errors);
        var folder = Directory.CreateTempSubdirectory("cqp-backup-");
        var cluster = TestCluster.Create();
        try
        {
            var file = Path.Combine(folder.FullName, "portail.backup");
            var backup = await PortalCommandLine.RunAsync(source, "backup", file);
            Assert.True(backup.ExitCode == 0, backup.Errors);
            Assert.Contains("Backup written", backup.Errors);

            // One file: the manifest (counts, last migration, documents) and the dump.
            BackupManifest? manifest = null;
            var entries = new List<string>();
            await using (var input = File.OpenRead(file))
            await using (var tar = new TarReader(input))
                while (await tar.GetNextEntryAsync() is { } entry)
                {
                    entries.Add(entry.Name);
                    if (entry.Name == PortalBackup.ManifestEntry)
                        manifest = JsonSerializer.Deserialize<BackupManifest>(entry.DataStream!, new JsonSerializerOptions(JsonSerializerDefaults.Web));
                }
            Assert.Equal([PortalBackup.ManifestEntry, PortalBackup.DumpEntry], entries);
            Assert.NotNull(manifest);
            Assert.Equal(await RowCountsAsync(source), manifest.Rows);
            await using (var connection = await OpenAsync(source))
            await using (var last = new NpgsqlCommand("SELECT max(\"MigrationId\") FROM __ef_migrations_history", connection))
                Assert.Equal((string?)await last.ExecuteScalarAsync(), manifest.SchemaVersion);
            var proofs = await ProofFilesAsync(source);
            Assert.NotEmpty(proofs);
            Assert.Equal(proofs.Count, manifest.Documents.Single(d => d.Table == "public.RegistrationProofs" && d.Column == "Content").Count);

            await cluster.EnsureDatabaseAsync("restored");
            var target = cluster.ConnectionString("restored");
            var restore = await PortalCommandLine.RunAsync(target, "restore", file);
            Assert.True(restore.ExitCode == 0, restore.Errors);
            Assert.Contains("Database up to date.", restore.Output);

            Assert.Equal(await RowCountsAsync(source), await RowCountsAsync(target));
            Assert.Equal(await RowFingerprintsAsync(source), await RowFingerprintsAsync(target));
            var restoredProofs = await ProofFilesAsync(target);
            Assert.Equal(proofs.Keys.Order(), restoredProofs.Keys.Order());
            foreach (var (id, bytes) in proofs) Assert.Equal(bytes, restoredProofs[id]);

            // A database that holds something is kept unless --force is given.
            await using (var connection = await OpenAsync(target))
            await using (var change = new NpgsqlCommand("UPDATE \"AspNetUsers\" SET \"DisplayName\" = 'Changé après la sauvegarde' WHERE \"Email\" = 'staff@cqp.test'", connection))
                await change.ExecuteNonQueryAsync();
            var refused = await PortalCommandLine.RunAsync(target, "restore", file);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("is not empty", refused.Errors);
            Assert.Contains("--force", refused.Errors);
            Assert.NotEqual(await RowFingerprintsAsync(source), await RowFingerprintsAsync(target));

            var forced = await PortalCommandLine.RunAsync(target, "restore", file, "--force");
            Assert.True(forced.ExitCode == 0, forced.Errors);
            Assert.Equal(await RowFingerprintsAsync(source), await RowFingerprintsAsync(target));
        }
        finally
        {
            TestCluster.Remove(cluster);
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Restoring_a_file_that_is_not_a_backup_changes_nothing_and_says_why()
    {
        var database = TestCluster.NewDatabase("cli_restore_bad");
        var file = Path.Combine(Path.GetTempPath(), $"cqp-not-a-backup-{Guid.NewGuid():N}.backup");
        await File.WriteAllTextAsync(file, "Nom;Prénom\nDupont;Jeanne\n");
        try
        {
            var result = await PortalCommandLine.RunAsync(database, "restore", file);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("is not a portal backup", result.Errors);
            Assert.Empty(await RowCountsAsync(database));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
